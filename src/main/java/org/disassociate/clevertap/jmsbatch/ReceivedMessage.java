package org.disassociate.clevertap.jmsbatch;

import java.util.Map;

/**
 * A JMS message of a batch, as the intake reads it: its id, its body ({@code String} for a text message,
 * {@code byte[]} for a bytes message, the kind of message otherwise, which is not a list of numbers), and those of its
 * properties that the endpoint's {@code messageProperties} option names, as text (a property the message does not have is
 * left out).
 */
public record ReceivedMessage(String id, Object body, Map<String, String> properties) {

    public ReceivedMessage {
        properties = Map.copyOf(properties);
    }

    /** A message without properties. */
    public ReceivedMessage(String id, Object body) {
        this(id, body, Map.of());
    }

    /** The property's value as text; null when the message does not have it. */
    public String property(String name) {
        return properties.get(name);
    }

    /** A message of a kind that holds no text (a map, an object, a stream message): its kind, for the refusal. */
    public record OtherKind(String kind) {}
}
