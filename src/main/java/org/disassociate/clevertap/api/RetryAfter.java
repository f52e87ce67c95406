package org.disassociate.clevertap.api;

import java.time.Duration;
import java.time.Instant;

import org.apache.hc.client5.http.utils.DateUtils;

/**
 * How long a {@code Retry-After} header asks to wait (seconds, or an HTTP date), cut to
 * {@code clevertap.retry.max-delay-ms}: CleverTap documents none, and an hour-long one must not stall a batch.
 */
public class RetryAfter {

    private long maxMillis = 60_000;

    public void setMaxMillis(long maxMillis) {
        this.maxMillis = maxMillis;
    }

    /** The wait in milliseconds, or null when the header is absent or unreadable. */
    public Long millis(String header) {
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
        return Math.max(0, Math.min(millis, maxMillis));
    }
}
