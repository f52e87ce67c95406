package org.disassociate.clevertap.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of the error channel: a number that was not disassociated, and why.
 *
 * @param record  the number as CleverTap would see it; for a number that failed validation, the raw input
 * @param code    CleverTap's per-record code, or the HTTP status of a failed batch; null when the number never left
 * @param error   the reason, in words
 * @param source  where the number came from: {@code file:<name>}, {@code rest}, {@code jms}, {@code kamelet} or what a kamelet message named
 * @param account the name of the {@link Account} it went to; null when it reached none (refused by validation, no
 *                account takes its country, a message that is not a list of numbers)
 * @param batch   the batch it was sent in; null when it was never sent
 * @param at      when it was written, ISO-8601
 * @param trace   the OpenTelemetry trace id of its way here (its request's, message's or file's, or its batch's); null
 *                when not traced
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ErrorRecord(
        Identity record,
        Integer code,
        String error,
        String source,
        String account,
        String batch,
        String at,
        String trace) {

    /** A record not yet written: the error channel gives it the trace it is written in. */
    public ErrorRecord(
            Identity record, Integer code, String error, String source, String account, String batch, String at) {
        this(record, code, error, source, account, batch, at, null);
    }

    /** This record, in the trace {@code traceId}. */
    public ErrorRecord inTrace(String traceId) {
        return new ErrorRecord(record, code, error, source, account, batch, at, traceId);
    }
}
