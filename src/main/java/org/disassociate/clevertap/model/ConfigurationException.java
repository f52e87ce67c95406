package org.disassociate.clevertap.model;

/** A setting that cannot work. Its message is all a user needs: start-up prints it without a stack trace. */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        // no stack trace: start-up prints the message alone, and Camel's own log of a failed start shows no trace of it
        super(message, null, false, false);
    }
}
