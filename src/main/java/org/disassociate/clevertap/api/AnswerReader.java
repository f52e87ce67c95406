package org.disassociate.clevertap.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.disassociate.clevertap.model.ApiException;
import org.disassociate.clevertap.model.DisassociateResponse;
import org.disassociate.clevertap.model.Excerpt;
import org.disassociate.clevertap.model.Json;

/**
 * Reads CleverTap's HTTP answer to a batch. The HTTP status says whether the batch as a whole went through; a 2xx body
 * is CleverTap's JSON, whose {@code unprocessed} list {@link UnprocessedRecords} reads.
 * <ul>
 * <li>2xx with CleverTap's JSON: the answer. {@code status: fail} naming no record: {@link RejectedBatchException}.</li>
 * <li>2xx whose body is not CleverTap's JSON, 408, 429 and 5xx: {@link RetryableApiException}, with the
 * {@code Retry-After} wait (capped) handed to Camel's redelivery.</li>
 * <li>Any other status (400, 401, 403, 404, …): {@link RejectedBatchException}.</li>
 * </ul>
 */
public class AnswerReader {

    private final ObjectMapper mapper = Json.mapper();
    private RetryAfter retryAfter;

    public void setRetryAfter(RetryAfter retryAfter) {
        this.retryAfter = retryAfter;
    }

    public DisassociateResponse read(Exchange exchange) throws ApiException {
        Message message = exchange.getMessage();
        message.removeHeader(Exchange.REDELIVERY_DELAY);
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = message.getBody(String.class);
        if (status >= 200 && status < 300) {
            DisassociateResponse response;
            try {
                response = mapper.readValue(body, DisassociateResponse.class);
            } catch (Exception e) {
                response = null;
            }
            if (response == null) {
                throw new RetryableApiException(
                        status, "HTTP " + status + " with an answer that is not CleverTap's JSON: " + shown(body));
            }
            if ("fail".equalsIgnoreCase(response.status())
                    && response.unprocessedOrEmpty().isEmpty()) {
                throw new RejectedBatchException(
                        0, "CleverTap answered status fail without naming the records: " + shown(body));
            }
            return response;
        }
        String text = "HTTP " + status + ": " + shown(body);
        if (status == 429 || status == 408 || status >= 500) {
            Long wait = retryAfter.millis(message.getHeader("Retry-After", String.class));
            if (wait != null) {
                message.setHeader(Exchange.REDELIVERY_DELAY, wait);
            }
            throw new RetryableApiException(status, text);
        }
        throw new RejectedBatchException(status, text);
    }

    /**
     * CleverTap's text on one line, cut when long, without the numbers it may echo: it becomes an exception's message,
     * and so a log line and a span event. Each record's own number is in its error record.
     */
    private static String shown(String body) {
        return body == null || body.isBlank()
                ? "(no body)"
                : Excerpt.withoutNumbers(body.strip().replaceAll("\\s+", " "));
    }
}
