package org.disassociate.clevertap.api;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.PropertyInject;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.apache.camel.spi.Registry;
import org.disassociate.clevertap.model.Accounts;

/**
 * The beans of the CleverTap API: the accounts of the configuration, checked; each account's requests in flight, HTTP
 * client and routes; a batch in CleverTap's wire format, its answer read, and how a request is sent again.
 */
public class ApiBeans implements CamelConfiguration {

    @BeanInject
    private Accounts accounts;

    /** The broker's connection for the accounts' shared tokens (the broker's beans). */
    @BeanInject("accountSlotsConnectionFactory")
    private ConnectionFactory slotsConnectionFactory;

    @PropertyInject("{{clevertap.accounts:}}")
    private String names;

    @PropertyInject("{{clevertap.region:}}")
    private String region;

    @PropertyInject("clevertap.base-url")
    private String baseUrl;

    @PropertyInject("{{clevertap.account-id:}}")
    private String accountId;

    @PropertyInject("{{clevertap.passcode:}}")
    private String passcode;

    @PropertyInject("clevertap.dry-run")
    private boolean dryRun;

    @PropertyInject("clevertap.batch-size")
    private int batchSize;

    @PropertyInject("clevertap.max-in-flight")
    private int maxInFlight;

    @PropertyInject("clevertap.account-max-in-flight")
    private int accountMaxInFlight;

    @PropertyInject("clevertap.default-country")
    private String defaultCountry;

    @PropertyInject("{{sandbox.enabled:false}}")
    private boolean sandbox;

    @PropertyInject("clevertap.concurrency-probe-ms")
    private long probeMillis;

    @PropertyInject("clevertap.account-fallback-max-in-flight")
    private int fallbackMaxInFlight;

    @PropertyInject("clevertap.account-reconnect-ms")
    private long reconnectMillis;

    @PropertyInject("clevertap.response-timeout-ms")
    private long responseTimeoutMillis;

    @PropertyInject("clevertap.retry.max-attempts")
    private int retryMaxAttempts;

    @PropertyInject("clevertap.retry.initial-delay-ms")
    private long retryInitialDelayMillis;

    @PropertyInject("clevertap.retry.max-delay-ms")
    private long retryMaxDelayMillis;

    @Override
    public void configure(CamelContext camel) {
        Registry beans = camel.getRegistry();

        // the accounts of the configuration (clevertap.accounts, and the default one of clevertap.account-id), put in
        // accounts and checked: one that cannot work stops the start with one line
        AccountSettings settings = new AccountSettings();
        settings.setCamelContext(camel);
        settings.setAccounts(accounts);
        settings.setNames(names);
        settings.setRegion(region);
        settings.setBaseUrl(baseUrl);
        settings.setAccountId(accountId);
        settings.setPasscode(passcode);
        settings.setDryRun(dryRun);
        settings.setBatchSize(batchSize);
        settings.setMaxInFlight(maxInFlight);
        settings.setAccountMaxInFlight(accountMaxInFlight);
        settings.setDefaultCountry(defaultCountry);
        settings.setSandbox(sandbox);
        settings.validate();
        beans.bind("accountSettings", AccountSettings.class, settings);

        // whether a request only validates (dryRun=1): the service's setting, or a REST caller's ?dryRun=1
        DryRuns dryRuns = new DryRuns();
        dryRuns.setService(dryRun);
        dryRuns.setAccounts(accounts);
        beans.bind("dryRuns", DryRuns.class, dryRuns);

        // a dry run's valid numbers in batches, and CleverTap's answer to each
        DryRunBatches dryRunBatches = new DryRunBatches();
        dryRunBatches.setBatchSize(batchSize);
        beans.bind("dryRunBatches", DryRunBatches.class, dryRunBatches);

        // a batch in CleverTap's wire format
        beans.bind("disassociateRequests", DisassociateRequests.class, new DisassociateRequests());

        // what each account has of its own: its requests in flight (at most its max-in-flight, halved by a 429, raised
        // again by answers without one; and, with its account-max-in-flight set, its share of the fleet's on the
        // broker, a queue of that many tokens), and its HTTP client with its credentials (clevertapClient-<name>: its
        // timeouts, no retries of its own, the account id and passcode put on by the client itself)
        AccountPipelines pipelines = new AccountPipelines();
        pipelines.setCamelContext(camel);
        pipelines.setAccounts(accounts);
        pipelines.setSlotsConnectionFactory(slotsConnectionFactory);
        pipelines.setProbeMillis(probeMillis);
        pipelines.setFallbackMaxInFlight(fallbackMaxInFlight);
        pipelines.setReconnectMillis(reconnectMillis);
        pipelines.setResponseTimeoutMillis(responseTimeoutMillis);
        pipelines.start();
        beans.bind("accountPipelines", AccountPipelines.class, pipelines, null, "stop");

        // each account's routes, from the templates send-batch and intake-spool: send-batch-<name>, intake-spool-<name>
        AccountRoutes routes = new AccountRoutes();
        routes.setAccounts(accounts);
        routes.start();
        beans.bind("accountRoutes", AccountRoutes.class, routes);

        // how a request that CleverTap could not take is sent again (the route configuration clevertap-call-errors):
        // exponential back-off with jitter, Retry-After honoured up to clevertap.retry.max-delay-ms
        RedeliveryPolicy retries = new RedeliveryPolicy();
        retries.setMaximumRedeliveries(retryMaxAttempts);
        retries.setRedeliveryDelay(retryInitialDelayMillis);
        retries.setUseExponentialBackOff(true);
        retries.setBackOffMultiplier(2);
        retries.setUseCollisionAvoidance(true);
        retries.setMaximumRedeliveryDelay(retryMaxDelayMillis);
        retries.setRetryAttemptedLogLevel(LoggingLevel.WARN);
        retries.setLogStackTrace(false);
        retries.setLogExhausted(false);
        beans.bind("clevertapRetries", RedeliveryPolicy.class, retries);

        RetryAfter retryAfter = new RetryAfter();
        retryAfter.setMaxMillis(retryMaxDelayMillis);
        beans.bind("retryAfter", RetryAfter.class, retryAfter);

        AnswerReader answers = new AnswerReader();
        answers.setRetryAfter(retryAfter);
        beans.bind("answerReader", AnswerReader.class, answers);
        beans.bind("unprocessedRecords", UnprocessedRecords.class, new UnprocessedRecords());
    }
}
