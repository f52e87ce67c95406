package org.disassociate.clevertap.intake.jms;

/** A JMS message that is not a list of numbers at all: it goes to the error channel once, and is not redelivered. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message, null, false, false);
    }
}
