package org.disassociate.clevertap.operations;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.disassociate.clevertap.api.AccountPipelines;
import org.disassociate.clevertap.api.RequestSlots;
import org.disassociate.clevertap.batching.Batches;
import org.disassociate.clevertap.batching.Settlements;
import org.disassociate.clevertap.model.Batch;
import org.disassociate.clevertap.model.CheckedNumbers;
import org.disassociate.clevertap.model.ErrorRecord;
import org.disassociate.clevertap.model.Variables;
import org.disassociate.clevertap.model.WhenContextStarted;

/**
 * The service's own Micrometer meters ({@code clevertap.*}), published with Camel's in the Prometheus registry that
 * {@code camel.metrics.enabled} creates ({@code /observe/metrics}). They exist from the start, at zero, so that a scrape
 * before the first number already shows them. They report; nothing in the service reads them back to decide.
 */
public class ServiceMetrics extends WhenContextStarted {

    /** The registry camel-micrometer-prometheus binds and serves. */
    static final String CAMEL_REGISTRY = "metricsRegistry";

    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger openBatches = new AtomicInteger();
    private final Map<String, Counter> acceptedByIntake = new ConcurrentHashMap<>();
    private final Map<String, Counter> invalidByIntake = new ConcurrentHashMap<>();
    private final Map<String, Counter> unprocessedByCode = new ConcurrentHashMap<>();
    private final Map<String, Timer> requestsByStatus = new ConcurrentHashMap<>();
    private final Counter sent;
    private final Counter processed;
    private final Counter batchesSent;
    private final Counter batchesFailed;
    private final DistributionSummary batchSize;
    private final Counter retries;
    private final Counter throttled;

    public ServiceMetrics() {
        for (String intake : List.of("file", "rest", "jms", "kamelet")) {
            accepted(intake);
            invalid(intake);
        }
        sent = Counter.builder("clevertap.numbers.sent").description("Numbers sent to CleverTap (each once, not per retry)")
                .register(meters);
        processed = Counter.builder("clevertap.numbers.processed")
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
    }

    /** The files being worked: the pending-numbers gauge sums theirs. */
    public void setSettlements(Settlements settlements) {
        Gauge.builder("clevertap.numbers.pending", settlements, Settlements::pendingNumbers)
                .description("Accepted numbers not yet processed by CleverTap nor written to the error channel").register(meters);
    }

    /** The requests to CleverTap this instance lets be in flight now, per account: the concurrency gauge reads it. */
    public void setPipelines(AccountPipelines pipelines) {
        pipelines.all().forEach((account, pipeline) -> Gauge.builder("clevertap.requests.concurrency", pipeline.slots(),
                RequestSlots::concurrency).tag("account", account)
                .description("Requests this instance may have in flight now, per account: its max-in-flight, lowered for "
                        + "a while after a 429").register(meters));
    }

    /**
     * Publishes the meters in the registry that serves {@code /observe/metrics} once it exists: on Camel Main the one
     * {@code camel.metrics.enabled} binds as {@value #CAMEL_REGISTRY}, on Camel Quarkus Quarkus' own.
     */
    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        MeterRegistry camelRegistry = context.getRegistry().lookupByNameAndType(CAMEL_REGISTRY, MeterRegistry.class);
        if (camelRegistry == null) {
            camelRegistry = context.getRegistry().findSingleByType(MeterRegistry.class);
        }
        if (camelRegistry != null && camelRegistry != meters && !meters.getRegistries().contains(camelRegistry)) {
            meters.add(camelRegistry);
        }
    }

    // --- intake

    /** A chunk was validated where it entered the service ({@code intake}: file, rest, jms; none for a spool file). */
    public void checked(@Variable(Variables.INTAKE) String intake, @Body CheckedNumbers checked) {
        if (intake == null) {
            return;
        }
        if (!checked.getValid().isEmpty()) {
            accepted(intake).increment(checked.getValid().size());
        }
        if (!checked.getInvalid().isEmpty()) {
            invalid(intake).increment(checked.getInvalid().size());
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

    /** Every number of a batch is settled: some processed by CleverTap, the rest in the error channel. */
    public void batchSettled(@Body Batches.Outcome outcome) {
        openBatches.decrementAndGet();
        processed.increment(outcome.processed());
    }

    /** A request is about to leave; the first for its batch, or a retry. Returns the start time for {@link #requestEnded}. */
    public long requestStarted(@Variable(Variables.BATCH) Batch batch, @Header("CamelRedeliveryCounter") Integer redelivery) {
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
    public void requestEnded(Exchange exchange, @Header("CamelHttpResponseCode") Integer status) {
        // taken out of the exchange: a request that never started (its slot not taken) ends nothing, a retry starts anew
        Long startedNanos = (Long) exchange.removeVariable(Variables.REQUEST_STARTED);
        if (startedNanos == null) {
            return;
        }
        inFlight.decrementAndGet();
        int code = status == null ? 0 : status;
        if (code == 429) {
            throttled.increment();
        }
        request(code).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
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
    }

    /** CleverTap's unprocessed records, counted by their code. */
    public void unprocessed(@Variable(Variables.UNPROCESSED) List<ErrorRecord> records) {
        for (ErrorRecord record : records) {
            String code = record.code() == null ? "none" : String.valueOf(record.code());
            unprocessedByCode.computeIfAbsent(code, c -> Counter.builder("clevertap.numbers.unprocessed")
                    .description("Numbers CleverTap answered as unprocessed, by CleverTap's code").tag("code", c)
                    .register(meters)).increment();
        }
    }
}
