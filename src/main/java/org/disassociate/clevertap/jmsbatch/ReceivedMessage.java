package org.disassociate.clevertap.jmsbatch;

/**
 * A JMS message of a batch, as the intake reads it: its id, and its body ({@code String} for a text message,
 * {@code byte[]} for a bytes message, the kind of message otherwise, which is not a list of numbers).
 */
public record ReceivedMessage(String id, Object body) {

    /** A message of a kind that holds no text (a map, an object, a stream message): its kind, for the refusal. */
    public record OtherKind(String kind) {
    }
}
