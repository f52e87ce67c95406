package org.disassociate.clevertap.api;

import org.disassociate.clevertap.model.ApiException;

/**
 * A status other than 2xx, 408, 429 and 5xx (400, 401, 403, 404, …), or {@code status: fail} naming no record: sending the
 * same batch again would fail the same way, so it is not retried.
 */
public class RejectedBatchException extends ApiException {

    public RejectedBatchException(int status, String message) {
        super(status, message);
    }
}
