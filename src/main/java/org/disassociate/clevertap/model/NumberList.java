package org.disassociate.clevertap.model;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A message's text as numbers, as the message intakes (JMS, the kamelet) take it: CleverTap's JSON body
 * ({@code {"d":[…]}}), or one or more numbers, one a line (blank lines and {@code #} lines skipped). Each number is
 * checked afterwards; a text that is neither is not a list of numbers at all.
 */
public final class NumberList {

    private NumberList() {}

    /** The text is not a list of numbers: the reason says why. */
    public static final class NotANumberListException extends RuntimeException {
        public NotANumberListException(String reason) {
            super(reason);
        }
    }

    /** The numbers of the text: strings (lines) or identities (JSON records). */
    public static List<?> read(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new NotANumberListException("an empty message holds no numbers");
        }
        if (trimmed.indexOf('\0') >= 0) {
            throw new NotANumberListException("a binary message, not text");
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return DisassociateBody.read(new ByteArrayInputStream(trimmed.getBytes(StandardCharsets.UTF_8)));
            } catch (DisassociateBody.MalformedException e) {
                throw new NotANumberListException(e.getMessage());
            }
        }
        List<String> numbers = new ArrayList<>();
        for (String line : trimmed.split("\\R", -1)) {
            String value = line.strip();
            if (!value.isEmpty() && !value.startsWith("#")) {
                numbers.add(value);
            }
        }
        if (numbers.isEmpty()) {
            throw new NotANumberListException("the message has only comment lines");
        }
        return numbers;
    }
}
