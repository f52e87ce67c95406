package org.disassociate.clevertap.errors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.disassociate.clevertap.model.ApiException;
import org.disassociate.clevertap.model.Batch;
import org.disassociate.clevertap.model.CheckedNumbers;
import org.disassociate.clevertap.model.ErrorRecord;
import org.disassociate.clevertap.model.Excerpt;
import org.disassociate.clevertap.model.Identity;
import org.disassociate.clevertap.model.Json;
import org.disassociate.clevertap.model.PhoneNumber;
import org.disassociate.clevertap.model.TraceContext;
import org.disassociate.clevertap.model.Variables;

/**
 * Makes the error channel's records (one per number not disassociated, with the reason) and their JSON-lines form; the
 * {@code error-channel} route writes them.
 */
public class ErrorRecords {

    private final ObjectMapper mapper = Json.mapper();

    /** The numbers of a chunk that failed validation, or that no account takes: never sent, to no account. */
    public List<ErrorRecord> invalidNumbers(@Body CheckedNumbers checked) {
        String at = now();
        List<ErrorRecord> records = new ArrayList<>(checked.getInvalid().size());
        for (PhoneNumber number : checked.getInvalid()) {
            records.add(new ErrorRecord(
                    Identity.phone(Excerpt.of(number.getInput())),
                    null,
                    number.getRejection(),
                    number.getSource(),
                    null,
                    null,
                    at));
        }
        return records;
    }

    /** A whole batch that CleverTap refused, or that failed after every retry: each of its numbers, with the reason. */
    public List<ErrorRecord> failedBatch(
            @Variable(Variables.BATCH) Batch batch, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        Integer code = cause instanceof ApiException api && api.getStatus() > 0 ? api.getStatus() : null;
        String error = cause instanceof ApiException ? cause.getMessage() : describe(cause);
        String at = now();
        List<ErrorRecord> records = new ArrayList<>(batch.size());
        for (PhoneNumber number : batch.getNumbers()) {
            records.add(new ErrorRecord(
                    Identity.phone(number.getE164()),
                    code,
                    error,
                    number.getSource(),
                    batch.getAccount(),
                    batch.getId(),
                    at));
        }
        return records;
    }

    /** The records as JSON lines, each with the trace it is written in (when traced), which its line names. */
    public String toJsonLines(@Body List<ErrorRecord> records) throws JsonProcessingException {
        String traceId = TraceContext.currentTraceId();
        StringBuilder lines = new StringBuilder(records.size() * 160);
        for (ErrorRecord record : records) {
            lines.append(mapper.writeValueAsString(traceId == null ? record : record.inTrace(traceId)))
                    .append('\n');
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
