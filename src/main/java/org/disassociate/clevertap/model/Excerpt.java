package org.disassociate.clevertap.model;

/**
 * A text as the error channel and the log show it: whole up to {@value #MAX_SHOWN} characters, cut beyond that with
 * its length, so that a 10 MB line or answer is not copied into a record or a log line.
 */
public final class Excerpt {

    public static final int MAX_SHOWN = 256;

    private Excerpt() {
    }

    public static String of(String text) {
        if (text == null || text.length() <= MAX_SHOWN) {
            return text;
        }
        return text.substring(0, MAX_SHOWN) + "… (" + text.length() + " characters)";
    }
}
