package org.disassociate.clevertap.api;

import org.apache.camel.Body;
import org.disassociate.clevertap.model.Batch;
import org.disassociate.clevertap.model.DisassociateRequest;
import org.disassociate.clevertap.model.Identity;

/** A batch in CleverTap's wire format, {@code {"d":[{"type":"phone","value":…}, …]}}: each distinct number once. */
public class DisassociateRequests {

    public DisassociateRequest of(@Body Batch batch) {
        return new DisassociateRequest(
                batch.byValue().keySet().stream().map(Identity::phone).toList());
    }
}
