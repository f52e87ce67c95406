package org.disassociate.clevertap.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.disassociate.clevertap.api.AccountPipelines;
import org.disassociate.clevertap.api.RequestSlots;
import org.disassociate.clevertap.batching.Batches;
import org.disassociate.clevertap.batching.Settlements;
import org.disassociate.clevertap.durability.Spool;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.Batch;
import org.disassociate.clevertap.model.CheckedNumbers;
import org.disassociate.clevertap.model.ErrorRecord;
import org.disassociate.clevertap.model.Variables;
import org.disassociate.clevertap.model.WhenContextStarted;

/**
 * The service's own Micrometer meters ({@code clevertap.*}), published with Camel's in the Prometheus registry that
 * {@code camel.metrics.enabled} creates ({@code /observe/metrics}). Those of batches and requests are per account
 * ({@link AccountMeters}, tagged {@code account}). They exist from the start, at zero, so that a scrape before the first
 * number already shows them: the intakes', and the accounts' of the configuration (an account added later, a
 * kamelet's, gets its own when it is added). They report; nothing in the service reads them back to decide.
 */
public class ServiceMetrics extends WhenContextStarted {

    /** The registry camel-micrometer-prometheus binds and serves. */
    static final String CAMEL_REGISTRY = "metricsRegistry";

    /** When the request to CleverTap left ({@link System#nanoTime()}), for its timer: set and taken in Java only. */
    private static final String REQUEST_STARTED = "requestStarted";

    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    private final AtomicInteger openBatches = new AtomicInteger();
    private final Map<String, Counter> acceptedByIntake = new ConcurrentHashMap<>();
    private final Map<String, Counter> invalidByIntake = new ConcurrentHashMap<>();
    private final Map<String, AccountMeters> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Counter> toErrorChannel = new ConcurrentHashMap<>();
    private final AtomicBoolean accountsRegistered = new AtomicBoolean();
    private Accounts accounts;
    private AccountPipelines pipelines;
    private Spool spool;
    private HealthGauges health;

    public ServiceMetrics() {
        for (String intake : List.of("file", "rest", "jms", "kamelet")) {
            accepted(intake);
            invalid(intake);
        }
        Gauge.builder("clevertap.batches.open", openBatches, AtomicInteger::get)
                .description("Batches formed and not yet settled (queued, in flight or waiting for a retry)")
                .register(meters);
    }

    /** The files being worked: the pending-numbers gauge sums theirs. */
    public void setSettlements(Settlements settlements) {
        Gauge.builder("clevertap.numbers.pending", settlements, Settlements::pendingNumbers)
                .description("Accepted numbers not yet processed by CleverTap nor written to the error channel")
                .register(meters);
    }

    /** The accounts: each one's meters exist from the start. */
    public void setAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The requests to CleverTap this instance lets be in flight now, per account: the concurrency gauge reads it. */
    public void setPipelines(AccountPipelines pipelines) {
        this.pipelines = pipelines;
    }

    /** The spool: each account's backlog there, and the age of its oldest file. */
    public void setSpool(Spool spool) {
        this.spool = spool;
    }

    /**
     * Publishes the meters in the registry that serves {@code /observe/metrics} once it exists: on Camel Main the one
     * {@code camel.metrics.enabled} binds as {@value #CAMEL_REGISTRY}, on Camel Quarkus Quarkus' own. Registers the
     * meters of every account, and of each one added from now on.
     */
    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        MeterRegistry camelRegistry = context.getRegistry().lookupByNameAndType(CAMEL_REGISTRY, MeterRegistry.class);
        if (camelRegistry == null) {
            camelRegistry = context.getRegistry().findSingleByType(MeterRegistry.class);
        }
        if (camelRegistry != null
                && camelRegistry != meters
                && !meters.getRegistries().contains(camelRegistry)) {
            meters.add(camelRegistry);
        }
        synchronized (this) {
            if (health == null) {
                health = new HealthGauges(context, meters);
            }
        }
        health.registerKnown();
        // once, also when the context tells this listener twice
        if (accounts != null && accountsRegistered.compareAndSet(false, true)) {
            accounts.all().forEach(this::register);
            accounts.onAdded(this::register);
        }
    }

    private void register(Account account) {
        account(account.name());
        AccountPipelines.Pipeline pipeline =
                pipelines == null ? null : pipelines.all().get(account.name());
        if (pipeline != null) {
            Gauge.builder("clevertap.requests.concurrency", pipeline.slots(), RequestSlots::concurrency)
                    .tag(AccountMeters.TAG, account.name())
                    .description(
                            "Requests this instance may have in flight now, per account: its max-in-flight, lowered "
                                    + "for a while after a 429")
                    .register(meters);
        }
        if (spool != null) {
            String name = account.name();
            Gauge.builder("clevertap.spool.files", spool, s -> s.backlog(name).files())
                    .tag(AccountMeters.TAG, name)
                    .description(
                            "Files in the account's spool, not yet settled (waiting for its reader, or being read)")
                    .register(meters);
            Gauge.builder("clevertap.spool.oldest", spool, s -> oldestSeconds(s.backlog(name)))
                    .tag(AccountMeters.TAG, name)
                    .baseUnit("seconds")
                    .description("How long ago the oldest file in the account's spool was written (0: none)")
                    .register(meters);
        }
    }

    private static double oldestSeconds(Spool.Backlog backlog) {
        Instant oldest = backlog.oldest();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }

    /** The meters of the account of that name, made at its first use when it has none yet. */
    private AccountMeters account(String name) {
        return byAccount.computeIfAbsent(name == null ? "none" : name, n -> new AccountMeters(n, meters));
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
        return acceptedByIntake.computeIfAbsent(
                intake,
                i -> Counter.builder("clevertap.numbers.accepted")
                        .description("Valid numbers taken in, by intake")
                        .tag("intake", i)
                        .register(meters));
    }

    private Counter invalid(String intake) {
        return invalidByIntake.computeIfAbsent(
                intake,
                i -> Counter.builder("clevertap.numbers.invalid")
                        .description("Inputs refused as not a phone number (to the error channel), by intake")
                        .tag("intake", i)
                        .register(meters));
    }

    // --- batches and requests, each of its account

    public void batchOpened() {
        openBatches.incrementAndGet();
    }

    /** Every number of a batch is settled: some processed by CleverTap, the rest in the error channel. */
    public void batchSettled(@Variable(Variables.BATCH) Batch batch, @Body Batches.Outcome outcome) {
        openBatches.decrementAndGet();
        account(batch.getAccount()).processed(outcome.processed());
    }

    /** A request is about to leave; the first for its batch, or a retry. Its start is kept for {@link #requestEnded}. */
    public void requestStarted(Exchange exchange, Batch batch, Integer redelivery) {
        if (redelivery == null || redelivery == 0) {
            account(batch.getAccount()).batchSent(batch.size());
        } else {
            account(batch.getAccount()).retrySent();
        }
        exchange.setVariable(REQUEST_STARTED, System.nanoTime());
    }

    /** The request's answer came (status 0: none came, the connection failed). */
    public void requestEnded(Exchange exchange, Batch batch, Integer status) {
        // taken out of the exchange: a request that never started ends nothing, a retry starts anew
        Long startedNanos = (Long) exchange.removeVariable(REQUEST_STARTED);
        if (startedNanos == null) {
            return;
        }
        account(batch.getAccount()).requestEnded(status == null ? 0 : status, System.nanoTime() - startedNanos);
    }

    /** A batch went to the error channel as a whole: refused by CleverTap, or not taken after every retry. */
    public void batchFailed(@Variable(Variables.BATCH) Batch batch) {
        account(batch.getAccount()).batchFailed();
    }

    /**
     * Records on their way to the error channel (the {@code error-channel} route's body: one per number), by code and
     * account ({@code none}: no code, or no account). Its writes are retried until they succeed: none is dropped.
     */
    public void toErrorChannel(@Body List<ErrorRecord> records) {
        for (ErrorRecord record : records) {
            String account = record.account() == null ? "none" : record.account();
            String code = record.code() == null ? "none" : String.valueOf(record.code());
            toErrorChannel
                    .computeIfAbsent(
                            account + "/" + code,
                            key -> Counter.builder("clevertap.numbers.error.channel")
                                    .description(
                                            "Numbers sent to the error channel, by code (CleverTap's per-record code, or the HTTP "
                                                    + "status of a failed batch; none: never sent) and account (none: it reached none)")
                                    .tag(AccountMeters.TAG, account)
                                    .tag("code", code)
                                    .register(meters))
                    .increment();
        }
    }

    /** CleverTap's unprocessed records of the batch, counted by their code. */
    public void unprocessed(
            @Variable(Variables.BATCH) Batch batch, @Variable(Variables.UNPROCESSED) List<ErrorRecord> records) {
        AccountMeters meters = account(batch.getAccount());
        for (ErrorRecord record : records) {
            meters.unprocessed(record.code());
        }
    }
}
