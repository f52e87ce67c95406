package org.disassociate.clevertap;

/** 400, 401, 403, 404 and other 4xx: sending the same batch again would fail the same way, so it is not retried. */
public class RejectedBatchException extends ApiException {

    public RejectedBatchException(int status, String message) {
        super(status, message);
    }
}
