package org.disassociate.clevertap.model;

/**
 * One number on its way through the service: the input as received, its E.164 form when it is valid (or why it is
 * not), where it came from ({@code file:<name>}, {@code rest}, {@code jms}, {@code kamelet} or a kamelet message's
 * {@code CleverTapSource}), and, when it was read from a durable file, the chunk of that file's settlement it was read
 * in.
 */
public final class PhoneNumber {

    private final String input;
    private final String e164;
    private final String rejection;
    private final String source;
    private final Settlement.Chunk chunk;
    private final String country;
    private final String account;

    private PhoneNumber(
            String input,
            String e164,
            String rejection,
            String source,
            Settlement.Chunk chunk,
            String country,
            String account) {
        this.input = input;
        this.e164 = e164;
        this.rejection = rejection;
        this.source = source == null ? "unknown" : source;
        this.chunk = chunk;
        this.country = country;
        this.account = account;
    }

    public static PhoneNumber accepted(String input, String e164, String source, Settlement.Chunk chunk) {
        return accepted(input, e164, null, source, chunk);
    }

    /** A valid number of {@code country} (libphonenumber's region, e.g. IN; null when not known), for no account yet. */
    public static PhoneNumber accepted(
            String input, String e164, String country, String source, Settlement.Chunk chunk) {
        return new PhoneNumber(input, e164, null, source, chunk, country, null);
    }

    public static PhoneNumber rejected(String input, String rejection, String source, Settlement.Chunk chunk) {
        return new PhoneNumber(input, null, rejection, source, chunk, null, null);
    }

    /** This valid number on its way to {@code account} (a number of a country two accounts list goes to both). */
    public PhoneNumber to(String account) {
        return new PhoneNumber(input, e164, null, source, chunk, country, account);
    }

    /** This valid number refused after all: no account takes it. */
    public PhoneNumber refused(String why) {
        return new PhoneNumber(input, null, why, source, chunk, country, null);
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

    /** libphonenumber's region of a valid number (IN, SG, …); null when not known (a spooled number). */
    public String getCountry() {
        return country;
    }

    /**
     * The name of the account it goes to; null until its account is decided (set at validation for a number whose
     * own message named its account, {@link AccountInput}).
     */
    public String getAccount() {
        return account;
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
