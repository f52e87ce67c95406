package org.disassociate.clevertap.api;

import org.disassociate.clevertap.model.ApiException;

/** 408, 429, 5xx, or a 2xx whose body is not CleverTap's JSON: the batch is sent again after a back-off. */
public class RetryableApiException extends ApiException {

    public RetryableApiException(int status, String message) {
        super(status, message);
    }
}
