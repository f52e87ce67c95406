package org.disassociate.clevertap.model;

/** CleverTap refused or failed a whole batch. The message carries the HTTP status and CleverTap's text, never headers. */
public abstract class ApiException extends Exception {

    private final int status;

    protected ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status, or 0 when there was no HTTP answer. */
    public int getStatus() {
        return status;
    }
}
