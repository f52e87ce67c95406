package org.disassociate.clevertap.model;


/**
 * One number on its way through the service: the input as received, its E.164 form when it is valid (or why it is
 * not), where it came from ({@code file:<name>}, {@code rest}, {@code jms}), and, when it was read from a durable
 * file, the chunk of that file's settlement it was read in.
 */
public final class PhoneNumber {

    private final String input;
    private final String e164;
    private final String rejection;
    private final String source;
    private final Settlement.Chunk chunk;

    private PhoneNumber(String input, String e164, String rejection, String source, Settlement.Chunk chunk) {
        this.input = input;
        this.e164 = e164;
        this.rejection = rejection;
        this.source = source == null ? "unknown" : source;
        this.chunk = chunk;
    }

    public static PhoneNumber accepted(String input, String e164, String source, Settlement.Chunk chunk) {
        return new PhoneNumber(input, e164, null, source, chunk);
    }

    public static PhoneNumber rejected(String input, String rejection, String source, Settlement.Chunk chunk) {
        return new PhoneNumber(input, null, rejection, source, chunk);
    }

    public boolean isValid() {
        return e164 != null;
    }

    public String getInput() {
        return input;
    }

    public String getE164() {
        return e164;
    }

    public String getRejection() {
        return rejection;
    }

    public String getSource() {
        return source;
    }

    /** The chunk of the durable file it was read from; null for a number of a REST request or JMS message not yet spooled. */
    public Settlement.Chunk getChunk() {
        return chunk;
    }

    @Override
    public String toString() {
        return isValid() ? e164 : "invalid(" + rejection + ")";
    }
}
