package org.disassociate.clevertap.api;

import java.util.List;

import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.disassociate.clevertap.model.Batch;
import org.disassociate.clevertap.model.CheckedNumbers;
import org.disassociate.clevertap.model.DisassociateResponse;
import org.disassociate.clevertap.model.DryRunRequest;
import org.disassociate.clevertap.model.ErrorRecord;
import org.disassociate.clevertap.model.Variables;

/**
 * Starts a dry run (of a REST request, or of the kamelet), and gathers CleverTap's answer to each of its batches. The records come made by
 * the API's and the error channel's beans (the routes call them); nothing here writes to the error channel.
 */
public class DryRunBatches {

    private int batchSize = 1000;

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    /** The valid numbers, in batches of at most {@code clevertap.batch-size}. */
    public DryRunRequest start(@Body CheckedNumbers checked) {
        return new DryRunRequest(checked, batchSize);
    }

    /** CleverTap answered a batch; {@code unprocessed} are the records it refused. */
    public void answered(
            @Variable(Variables.DRY_RUN_REQUEST) DryRunRequest request,
            @Variable(Variables.BATCH) Batch batch,
            @Body DisassociateResponse response,
            @Variable(Variables.UNPROCESSED) List<ErrorRecord> unprocessed) {
        request.answered(batch, response, unprocessed);
    }

    /** A batch failed as a whole: its numbers' records, with the failure. */
    public void failed(
            @Variable(Variables.DRY_RUN_REQUEST) DryRunRequest request,
            @Variable(Variables.ERROR_RECORDS) List<ErrorRecord> records) {
        request.failed(records);
    }
}
