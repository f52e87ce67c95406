package org.disassociate.clevertap.model;

import java.util.regex.Pattern;

/**
 * A text as the error channel and the log show it: whole up to {@value #MAX_SHOWN} characters, cut beyond that with
 * its length, so that a 10 MB line or answer is not copied into a record or a log line.
 */
public final class Excerpt {

    public static final int MAX_SHOWN = 256;

    private Excerpt() {}

    /** Seven digits or more, with the separators a phone number is written with between them. */
    private static final Pattern DIGITS = Pattern.compile("[+(]?(?:\\d[\\s().\\-/]?){6,}\\d");

    /**
     * Foreign text (CleverTap's answer, a JSON parser's complaint, a header's value) made fit for a log line, an
     * exception and so a span, where no phone number may appear: every run of seven digits or more is hidden, cut
     * when long.
     */
    public static String withoutNumbers(String text) {
        return text == null ? null : of(DIGITS.matcher(text).replaceAll("<digits>"));
    }

    public static String of(String text) {
        if (text == null || text.length() <= MAX_SHOWN) {
            return text;
        }
        return text.substring(0, MAX_SHOWN) + "… (" + text.length() + " characters)";
    }
}
