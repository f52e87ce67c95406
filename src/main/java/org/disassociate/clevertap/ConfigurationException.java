package org.disassociate.clevertap;

/** A setting that cannot work. Its message is all a user needs: start-up prints it without a stack trace. */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}
