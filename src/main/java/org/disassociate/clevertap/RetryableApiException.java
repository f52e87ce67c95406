package org.disassociate.clevertap;

/** 429, 5xx, or an answer that could not be read: the batch is sent again after a back-off. */
public class RetryableApiException extends ApiException {

    public RetryableApiException(int status, String message) {
        super(status, message);
    }
}
