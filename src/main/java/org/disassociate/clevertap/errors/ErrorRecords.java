package org.disassociate.clevertap.errors;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.disassociate.clevertap.Json;
import org.disassociate.clevertap.api.ApiException;
import org.disassociate.clevertap.api.Identity;
import org.disassociate.clevertap.batching.Batch;
import org.disassociate.clevertap.intake.JmsMessageReader;
import org.disassociate.clevertap.intake.ReceivedMessage;
import org.disassociate.clevertap.validation.CheckedNumbers;
import org.disassociate.clevertap.validation.PhoneNumber;

/**
 * Makes the error channel's records (one per number not disassociated, with the reason) and their JSON-lines form; the
 * {@code error-channel} route writes them.
 */
public class ErrorRecords {

    private final ObjectMapper mapper = Json.mapper();

    /** The numbers of a chunk that failed validation and were never sent. */
    public List<ErrorRecord> invalidNumbers(@Body CheckedNumbers checked) {
        String at = now();
        List<ErrorRecord> records = new ArrayList<>(checked.getInvalid().size());
        for (PhoneNumber number : checked.getInvalid()) {
            records.add(new ErrorRecord(Identity.phone(Excerpt.of(number.getInput())), null, number.getRejection(),
                    number.getSource(), null, at));
        }
        return records;
    }

    /** The messages of a JMS batch that are not lists of numbers at all: each one's raw body (cut) with the reason. */
    public List<ErrorRecord> refusedMessages(
            @ExchangeProperty(JmsMessageReader.REFUSED) List<JmsMessageReader.RefusedMessage> refused,
            @ExchangeProperty("source") String source) {
        String at = now();
        List<ErrorRecord> records = new ArrayList<>(refused.size());
        for (JmsMessageReader.RefusedMessage message : refused) {
            Object body = message.body();
            String raw = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : body instanceof ReceivedMessage.OtherKind other ? other.kind() : String.valueOf(body);
            records.add(new ErrorRecord(Identity.phone(Excerpt.of(raw)), null, "not a list of numbers: " + message.reason(),
                    source == null ? "jms" : source, null, at));
        }
        return records;
    }

    /** A whole batch that CleverTap refused, or that failed after every retry: each of its numbers, with the reason. */
    public List<ErrorRecord> failedBatch(@ExchangeProperty("batch") Batch batch,
            @ExchangeProperty("CamelExceptionCaught") Exception cause) {
        Integer code = cause instanceof ApiException api && api.getStatus() > 0 ? api.getStatus() : null;
        String error = cause instanceof ApiException ? cause.getMessage() : describe(cause);
        String at = now();
        List<ErrorRecord> records = new ArrayList<>(batch.size());
        for (PhoneNumber number : batch.getNumbers()) {
            records.add(new ErrorRecord(Identity.phone(number.getE164()), code, error, number.getSource(), batch.getId(), at));
        }
        return records;
    }

    public String toJsonLines(@Body List<ErrorRecord> records) throws JsonProcessingException {
        StringBuilder lines = new StringBuilder(records.size() * 160);
        for (ErrorRecord record : records) {
            lines.append(mapper.writeValueAsString(record)).append('\n');
        }
        return lines.toString();
    }

    private static String now() {
        return Instant.now().toString();
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown failure";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
