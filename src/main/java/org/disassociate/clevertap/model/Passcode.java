package org.disassociate.clevertap.model;

/**
 * An account's passcode. It is kept in memory only, given to the HTTP client that puts it on each request, and printed
 * by no {@code toString}: a log line, an error record or a span that names an {@link Account} never carries it.
 */
public final class Passcode {

    private final String value;

    public Passcode(String value) {
        this.value = value == null ? "" : value.trim();
    }

    public boolean isSet() {
        return !value.isEmpty();
    }

    /** The passcode itself, for the request header and for comparing a caller's: nothing else reads it. */
    public String reveal() {
        return value;
    }

    /** Compares in time independent of where the two differ. */
    public boolean matches(String candidate) {
        return candidate != null
                && java.security.MessageDigest.isEqual(
                        value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        candidate.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "****";
    }
}
