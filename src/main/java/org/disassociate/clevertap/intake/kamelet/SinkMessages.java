package org.disassociate.clevertap.intake.kamelet;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.disassociate.clevertap.model.ErrorRecord;
import org.disassociate.clevertap.model.Excerpt;
import org.disassociate.clevertap.model.Identity;
import org.disassociate.clevertap.model.NumberList;
import org.disassociate.clevertap.model.Variables;

/**
 * A message a host's route sends to {@code kamelet:clevertap-disassociate-sink}: its body is one number, numbers one a
 * line, or CleverTap's JSON body ({@link NumberList}), as a String or bytes in UTF-8; the header {@value #SOURCE_HEADER}
 * may name where it came from (the error records say it).
 */
public class SinkMessages {

    /** The header that names the message's source, for its error records. */
    public static final String SOURCE_HEADER = "CleverTapSource";
    /** The source of a message that names none. */
    static final String DEFAULT_SOURCE = "kamelet";
    /** A source is kept to this many characters: it names the spool file its numbers wait in. */
    static final int MOST_CHARACTERS = 60;

    /** The message's source: its {@value #SOURCE_HEADER} header (its first characters), or {@value #DEFAULT_SOURCE}. */
    public String source(@Header(SOURCE_HEADER) String source) {
        if (source == null || source.isBlank()) {
            return DEFAULT_SOURCE;
        }
        return source.strip()
                .codePoints()
                .limit(MOST_CHARACTERS)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /** The numbers of the body, each checked afterwards; a body that is not a list of numbers is refused with why. */
    public List<?> read(@Body Object body, Exchange exchange) {
        return NumberList.read(text(body, exchange));
    }

    /** The error record of a body that is not a list of numbers: its text (cut) and the reason. */
    public List<ErrorRecord> refused(
            @Body Object body,
            @Variable(Variables.SOURCE) String source,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        String raw = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
        return List.of(new ErrorRecord(
                Identity.phone(Excerpt.of(raw)),
                null,
                "not a list of numbers: " + (cause == null ? "unreadable" : cause.getMessage()),
                source == null ? DEFAULT_SOURCE : source,
                null,
                null,
                Instant.now().toString()));
    }

    private static String text(Object body, Exchange exchange) {
        if (body == null) {
            throw new NumberList.NotANumberListException("a message without a body");
        }
        if (body instanceof String s) {
            return s;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        String converted = exchange.getContext().getTypeConverter().tryConvertTo(String.class, exchange, body);
        if (converted == null) {
            throw new NumberList.NotANumberListException(
                    "a " + body.getClass().getSimpleName() + " body, not text: send a String or bytes in UTF-8");
        }
        return converted;
    }
}
