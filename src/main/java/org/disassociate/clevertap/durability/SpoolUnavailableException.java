package org.disassociate.clevertap.durability;

import java.io.IOException;

/**
 * The spool cannot make numbers durable now (a full or failing disk): the request is refused as a whole (REST: 503
 * with Retry-After; JMS: its batch rolls back), and nothing of it was taken.
 */
public class SpoolUnavailableException extends IOException {

    public SpoolUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
