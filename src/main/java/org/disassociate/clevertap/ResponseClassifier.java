package org.disassociate.clevertap;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.hc.client5.http.utils.DateUtils;
import org.disassociate.clevertap.model.DisassociateResponse;
import org.disassociate.clevertap.model.ErrorRecord;
import org.disassociate.clevertap.model.Identity;
import org.disassociate.clevertap.model.Unprocessed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what CleverTap's answer means. The HTTP status says whether the batch as a whole went through; the body
 * says which records did not, whatever its {@code status} field claims.
 */
public class ResponseClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseClassifier.class);
    private static final int MAX_ERROR_TEXT = 300;

    private final ObjectMapper mapper = new ObjectMapper();
    private long maxRetryAfterMs = 60_000;
    private String region = "";

    /** The longest wait a {@code Retry-After} header may ask for; a longer one is cut to this. */
    public void setMaxRetryAfterMs(long maxRetryAfterMs) {
        this.maxRetryAfterMs = maxRetryAfterMs;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    /**
     * Reads the HTTP answer. 2xx: the parsed body. 429, 408 and 5xx: {@link RetryableApiException}, with the
     * {@code Retry-After} wait (capped) handed to Camel's redelivery. Other statuses: {@link RejectedBatchException}.
     */
    public DisassociateResponse read(Exchange exchange) throws ApiException {
        Message message = exchange.getMessage();
        message.removeHeader(Exchange.REDELIVERY_DELAY);
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = message.getBody(String.class);
        if (status >= 200 && status < 300) {
            try {
                return mapper.readValue(body, DisassociateResponse.class);
            } catch (Exception e) {
                throw new RetryableApiException(status, "HTTP " + status + " with an answer that is not CleverTap's JSON: "
                        + abbreviate(body));
            }
        }
        String text = "HTTP " + status + ": " + abbreviate(body);
        if (status == 429 || status == 408 || status >= 500) {
            Long wait = retryAfterMillis(message.getHeader("Retry-After", String.class));
            if (wait != null) {
                message.setHeader(Exchange.REDELIVERY_DELAY, wait);
            }
            throw new RetryableApiException(status, text);
        }
        if (status == 401) {
            LOG.error("CleverTap answered 401: the account id or passcode is wrong, or the region is (clevertap.region={}); "
                      + "a wrong region answers 401 exactly like wrong credentials", region);
        } else if (status == 403) {
            LOG.error("CleverTap answered 403: this account may not use the Disassociate API from here (IP allow-list?)");
        }
        throw new RejectedBatchException(status, text);
    }

    /** The records CleverTap did not process, as error-channel records; each marks its numbers failed in the batch. */
    public List<ErrorRecord> unprocessed(@ExchangeProperty("batch") Batch batch, @Body DisassociateResponse response) {
        List<Unprocessed> entries = response.unprocessedOrEmpty();
        String at = ErrorRecords.now();
        if (entries.isEmpty()) {
            if ("fail".equalsIgnoreCase(response.status())) {
                batch.markAllFailed();
                List<ErrorRecord> records = new ArrayList<>(batch.size());
                for (PhoneNumber number : batch.getNumbers()) {
                    records.add(new ErrorRecord(Identity.phone(number.getE164()), null,
                            "CleverTap answered status fail without naming the records", number.getSource(), batch.getId(), at));
                }
                return records;
            }
            return List.of();
        }
        Map<String, List<PhoneNumber>> byValue = batch.byValue();
        List<ErrorRecord> records = new ArrayList<>(entries.size());
        for (Unprocessed entry : entries) {
            String value = valueOf(entry.record());
            String error = entry.error() == null ? "unprocessed by CleverTap" : entry.error();
            List<PhoneNumber> numbers = value == null ? null : byValue.get(value);
            if (numbers == null) {
                LOG.warn("{}: CleverTap listed an unprocessed record that was not in the batch: {}", batch, abbreviate(
                        String.valueOf(entry.record())));
                records.add(new ErrorRecord(Identity.phone(value), entry.code(), error, "unknown", batch.getId(), at));
                continue;
            }
            batch.markFailed(value);
            for (PhoneNumber number : numbers) {
                records.add(new ErrorRecord(Identity.phone(value), entry.code(), error, number.getSource(), batch.getId(), at));
            }
        }
        if ("success".equalsIgnoreCase(response.status())) {
            LOG.warn("{}: CleverTap answered status success but listed {} unprocessed records; they go to the error channel",
                    batch, entries.size());
        }
        return records;
    }

    /** {@code record} comes as an object, as a JSON string holding the object, or as the bare value. */
    String valueOf(JsonNode record) {
        if (record == null || record.isNull()) {
            return null;
        }
        if (record.isTextual()) {
            String text = record.asText().strip();
            if (text.startsWith("{")) {
                try {
                    return valueOf(mapper.readTree(text));
                } catch (Exception e) {
                    return text;
                }
            }
            return text;
        }
        JsonNode value = record.get("value");
        return value == null || value.isNull() ? null : value.asText();
    }

    Long retryAfterMillis(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        long millis;
        try {
            millis = Long.parseLong(header.strip()) * 1000;
        } catch (NumberFormatException e) {
            Instant date = DateUtils.parseStandardDate(header.strip());
            if (date == null) {
                return null;
            }
            millis = Duration.between(Instant.now(), date).toMillis();
        }
        return Math.max(0, Math.min(millis, maxRetryAfterMs));
    }

    static String abbreviate(String text) {
        if (text == null || text.isBlank()) {
            return "(no body)";
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_ERROR_TEXT ? oneLine : oneLine.substring(0, MAX_ERROR_TEXT) + "…";
    }
}
