package org.disassociate.clevertap.operations;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of one account's batches and requests, each tagged {@code account=<name>}: the account's name, never
 * its id or passcode, and never a phone number. {@link ServiceMetrics} keeps one for each account.
 */
final class AccountMeters {

    static final String TAG = "account";

    private final String account;
    private final MeterRegistry meters;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, Timer> requestsByStatus = new ConcurrentHashMap<>();
    private final Map<String, Counter> unprocessedByCode = new ConcurrentHashMap<>();
    private final Counter sent;
    private final Counter processed;
    private final Counter batchesSent;
    private final Counter batchesFailed;
    private final DistributionSummary batchSize;
    private final Counter retries;
    private final Counter throttled;

    AccountMeters(String account, MeterRegistry meters) {
        this.account = account;
        this.meters = meters;
        sent = Counter.builder("clevertap.numbers.sent")
                .description("Numbers sent to CleverTap (each once, not per retry)")
                .tag(TAG, account)
                .register(meters);
        processed = Counter.builder("clevertap.numbers.processed")
                .description("Numbers CleverTap processed (disassociated, or validated in dry-run)")
                .tag(TAG, account)
                .register(meters);
        batchesSent = Counter.builder("clevertap.batches.sent")
                .description("Batches sent (each once, not per retry)")
                .tag(TAG, account)
                .register(meters);
        batchesFailed = Counter.builder("clevertap.batches.failed")
                .description("Batches that went to the error channel as a whole (refused, or retries exhausted)")
                .tag(TAG, account)
                .register(meters);
        batchSize = DistributionSummary.builder("clevertap.batch.size")
                .description("Numbers a batch")
                .baseUnit("numbers")
                .serviceLevelObjectives(1, 10, 100, 250, 500, 750, 999, 1000)
                .tag(TAG, account)
                .register(meters);
        retries = Counter.builder("clevertap.requests.retries")
                .description("Requests that were a retry of a batch")
                .tag(TAG, account)
                .register(meters);
        throttled = Counter.builder("clevertap.requests.throttled")
                .description("Requests CleverTap answered 429 Too Many Requests")
                .tag(TAG, account)
                .register(meters);
        Gauge.builder("clevertap.requests.in.flight", inFlight, AtomicInteger::get)
                .description("Requests to CleverTap waiting for their answer")
                .tag(TAG, account)
                .register(meters);
    }

    /** A batch's first request is about to leave. */
    void batchSent(int numbers) {
        inFlight.incrementAndGet();
        batchesSent.increment();
        sent.increment(numbers);
        batchSize.record(numbers);
    }

    /** A retry of a batch is about to leave. */
    void retrySent() {
        inFlight.incrementAndGet();
        retries.increment();
    }

    /** A request ended with HTTP {@code status} (0: no answer came) after {@code nanos}. */
    void requestEnded(int status, long nanos) {
        inFlight.decrementAndGet();
        if (status == 429) {
            throttled.increment();
        }
        String tag = status == 0 ? "none" : String.valueOf(status);
        requestsByStatus
                .computeIfAbsent(
                        tag,
                        s -> Timer.builder("clevertap.requests")
                                .description(
                                        "Requests to CleverTap's Disassociate API, by HTTP status (none: no answer)")
                                .tag(TAG, account)
                                .tag("status", s)
                                .publishPercentileHistogram()
                                .register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void processed(int numbers) {
        processed.increment(numbers);
    }

    void batchFailed() {
        batchesFailed.increment();
    }

    /** A number CleverTap answered as unprocessed with {@code code} (null: none). */
    void unprocessed(Integer code) {
        String tag = code == null ? "none" : String.valueOf(code);
        unprocessedByCode
                .computeIfAbsent(
                        tag,
                        c -> Counter.builder("clevertap.numbers.unprocessed")
                                .description("Numbers CleverTap answered as unprocessed, by CleverTap's code")
                                .tag(TAG, account)
                                .tag("code", c)
                                .register(meters))
                .increment();
    }
}
