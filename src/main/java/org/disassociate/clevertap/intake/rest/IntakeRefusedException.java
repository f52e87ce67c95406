package org.disassociate.clevertap.intake.rest;

/** A REST intake request refused as a whole; the route answers with {@link #getStatus()} and a JSON error. */
public class IntakeRefusedException extends RuntimeException {

    private final int status;

    public IntakeRefusedException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
