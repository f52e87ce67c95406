package org.disassociate.clevertap.intake;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Body;

/**
 * Reads a JMS message as numbers. Its body (a text message, or bytes in UTF-8) is either CleverTap's JSON body
 * ({@code {"d":[…]}}), or one or more numbers, one a line (blank lines and {@code #} lines skipped). A message that
 * is neither is poison: it is refused with a reason, never retried.
 */
public class JmsMessageReader {

    /** The numbers of the message: strings (lines) or identities (JSON records), each checked afterwards. */
    public List<?> read(@Body Object body) {
        String text = text(body);
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new PoisonMessageException("an empty message holds no numbers");
        }
        if (trimmed.indexOf('\0') >= 0) {
            throw new PoisonMessageException("a binary message, not text");
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return DisassociateBody.read(new ByteArrayInputStream(trimmed.getBytes(StandardCharsets.UTF_8)));
            } catch (DisassociateBody.MalformedException e) {
                throw new PoisonMessageException(e.getMessage());
            }
        }
        List<String> numbers = new ArrayList<>();
        for (String line : trimmed.split("\\R")) {
            String value = line.strip();
            if (!value.isEmpty() && !value.startsWith("#")) {
                numbers.add(value);
            }
        }
        if (numbers.isEmpty()) {
            throw new PoisonMessageException("the message has only comment lines");
        }
        return numbers;
    }

    private static String text(Object body) {
        if (body instanceof String s) {
            return s;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        throw new PoisonMessageException("a " + (body == null ? "message without a body"
                : body.getClass().getSimpleName() + " message") + ", not text: send a TextMessage or a BytesMessage");
    }
}
