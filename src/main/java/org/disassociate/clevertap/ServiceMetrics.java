package org.disassociate.clevertap;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.StartupListener;
import org.disassociate.clevertap.model.ErrorRecord;

/**
 * The service's own Micrometer meters ({@code clevertap.*}), published with Camel's in the Prometheus registry that
 * {@code camel.metrics.enabled} creates ({@code /observe/metrics}). They exist from the start, at zero, so that a scrape
 * before the first number already shows them.
 */
public class ServiceMetrics implements CamelContextAware, StartupListener {

    /** The name the YAML declares this bean under; only that instance publishes (the YAML loader makes a first, throw-away one). */
    static final String BEAN_NAME = "metrics";
    /** The registry camel-micrometer-prometheus binds and serves. */
    static final String CAMEL_REGISTRY = "metricsRegistry";

    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger openBatches = new AtomicInteger();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong batchesFailedInRun = new AtomicLong();
    private final Map<String, Counter> acceptedByIntake = new ConcurrentHashMap<>();
    private final Map<String, Counter> invalidByIntake = new ConcurrentHashMap<>();
    private final Map<String, Counter> unprocessedByCode = new ConcurrentHashMap<>();
    private final Map<String, Timer> requestsByStatus = new ConcurrentHashMap<>();
    private final Counter sent;
    private final Counter processedCounter;
    private final Counter batchesSent;
    private final Counter batchesFailed;
    private final DistributionSummary batchSize;
    private final Counter retries;
    private final Counter throttled;
    private CamelContext camelContext;

    public ServiceMetrics() {
        for (String intake : List.of("file", "rest", "jms")) {
            accepted(intake);
            invalid(intake);
        }
        sent = Counter.builder("clevertap.numbers.sent").description("Numbers sent to CleverTap (each once, not per retry)")
                .register(meters);
        processedCounter = Counter.builder("clevertap.numbers.processed")
                .description("Numbers CleverTap processed (disassociated, or validated in dry-run)").register(meters);
        batchesSent = Counter.builder("clevertap.batches.sent").description("Batches sent (each once, not per retry)")
                .register(meters);
        batchesFailed = Counter.builder("clevertap.batches.failed")
                .description("Batches that went to the error channel as a whole (refused, or retries exhausted)").register(meters);
        batchSize = DistributionSummary.builder("clevertap.batch.size").description("Numbers a batch").baseUnit("numbers")
                .serviceLevelObjectives(1, 10, 100, 250, 500, 750, 999, 1000).register(meters);
        retries = Counter.builder("clevertap.requests.retries").description("Requests that were a retry of a batch")
                .register(meters);
        throttled = Counter.builder("clevertap.requests.throttled")
                .description("Requests CleverTap answered 429 Too Many Requests").register(meters);
        Gauge.builder("clevertap.requests.in.flight", inFlight, AtomicInteger::get)
                .description("Requests to CleverTap waiting for their answer").register(meters);
        Gauge.builder("clevertap.batches.open", openBatches, AtomicInteger::get)
                .description("Batches formed and not yet settled (queued, in flight or waiting for a retry)").register(meters);
        Gauge.builder("clevertap.numbers.pending", pending, AtomicLong::get)
                .description("Accepted numbers not yet processed by CleverTap nor written to the error channel").register(meters);
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
        try {
            camelContext.addStartupListener(this);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish the service's metrics: " + e.getMessage(), e);
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    /** Publishes the meters in Camel's registry once it exists (when metrics are enabled). */
    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        if (context.getRegistry().lookupByName(BEAN_NAME) != this) {
            return;
        }
        MeterRegistry camelRegistry = context.getRegistry().lookupByNameAndType(CAMEL_REGISTRY, MeterRegistry.class);
        if (camelRegistry != null && !meters.getRegistries().contains(camelRegistry)) {
            meters.add(camelRegistry);
        }
    }

    // --- intake

    /** {@code count} valid numbers of a submission were taken in. */
    public void accepted(Submission submission, int count) {
        if (count == 0) {
            return;
        }
        if (submission.isBatched()) {
            pending.addAndGet(count);
        }
        if (submission.isCountedAtIntake()) {
            accepted(submission.getIntake()).increment(count);
        }
    }

    /** {@code count} inputs of a submission were refused as not a phone number. */
    public void invalid(Submission submission, int count) {
        if (count > 0 && submission.isCountedAtIntake()) {
            invalid.addAndGet(count);
            invalid(submission.getIntake()).increment(count);
        }
    }

    private Counter accepted(String intake) {
        return acceptedByIntake.computeIfAbsent(intake, i -> Counter.builder("clevertap.numbers.accepted")
                .description("Valid numbers taken in, by intake").tag("intake", i).register(meters));
    }

    private Counter invalid(String intake) {
        return invalidByIntake.computeIfAbsent(intake, i -> Counter.builder("clevertap.numbers.invalid")
                .description("Inputs refused as not a phone number (to the error channel), by intake").tag("intake", i)
                .register(meters));
    }

    // --- batches and requests

    public void batchOpened() {
        openBatches.incrementAndGet();
    }

    /** Every number of a batch is settled: {@code processed} of them by CleverTap, the rest in the error channel. */
    public void batchSettled(int numbers, int processedNumbers) {
        openBatches.decrementAndGet();
        pending.addAndGet(-numbers);
        processed.addAndGet(processedNumbers);
        failed.addAndGet(numbers - processedNumbers);
        processedCounter.increment(processedNumbers);
    }

    /** A request is about to leave; the first for its batch, or a retry. Returns the start time for {@link #requestEnded}. */
    public long requestStarted(@ExchangeProperty("batch") Batch batch, @Header("CamelRedeliveryCounter") Integer redelivery) {
        inFlight.incrementAndGet();
        if (redelivery == null || redelivery == 0) {
            batchesSent.increment();
            sent.increment(batch.size());
            batchSize.record(batch.size());
        } else {
            retries.increment();
        }
        return System.nanoTime();
    }

    /** The request's answer came (status 0: none came, the connection failed). */
    public void requestEnded(@ExchangeProperty("requestStarted") Long startedNanos, @Header("CamelHttpResponseCode") Integer status) {
        inFlight.decrementAndGet();
        int code = status == null ? 0 : status;
        if (code == 429) {
            throttled.increment();
        }
        if (startedNanos != null) {
            request(code).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        }
    }

    private Timer request(int status) {
        String tag = status == 0 ? "none" : String.valueOf(status);
        return requestsByStatus.computeIfAbsent(tag, s -> Timer.builder("clevertap.requests")
                .description("Requests to CleverTap's Disassociate API, by HTTP status (none: no answer)").tag("status", s)
                .publishPercentileHistogram().register(meters));
    }

    /** A batch went to the error channel as a whole: refused by CleverTap, or not taken after every retry. */
    public void batchFailed() {
        batchesFailed.increment();
        batchesFailedInRun.incrementAndGet();
    }

    /** CleverTap's unprocessed records, counted by their code. */
    public void unprocessed(List<ErrorRecord> records) {
        for (ErrorRecord record : records) {
            String code = record.code() == null ? "none" : String.valueOf(record.code());
            unprocessedByCode.computeIfAbsent(code, c -> Counter.builder("clevertap.numbers.unprocessed")
                    .description("Numbers CleverTap answered as unprocessed, by CleverTap's code").tag("code", c)
                    .register(meters)).increment();
        }
    }

    // --- totals of this run, for the one-shot mode

    public long getPending() {
        return pending.get();
    }

    public long getInvalid() {
        return invalid.get();
    }

    public long getFailed() {
        return failed.get();
    }

    public long getProcessed() {
        return processed.get();
    }

    public long getBatchesFailed() {
        return batchesFailedInRun.get();
    }

    public int getOpenBatches() {
        return openBatches.get();
    }
}
