package org.disassociate.clevertap.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.Batch;
import org.disassociate.clevertap.model.Variables;

/**
 * What each account has of its own on the way to CleverTap, so that one account's trouble (a 429 storm, a wrong
 * passcode, an outage) never takes another's requests: its requests in flight ({@link RequestSlots}: this instance's
 * adaptive limit, and its share of the fleet's), and its HTTP client with its credentials, bound as
 * {@code clevertapClient-<name>} for the account's endpoint. The routes reach them through the batch being sent.
 */
public class AccountPipelines implements CamelContextAware {

    private CamelContext camelContext;
    private Accounts accounts;
    private ConnectionFactory slotsConnectionFactory;
    private long probeMillis = 60_000;
    private int fallbackMaxInFlight = 1;
    private long reconnectMillis = 5_000;
    private long responseTimeoutMillis = 30_000;
    private final Map<String, Pipeline> pipelines = new ConcurrentHashMap<>();

    /** An account's own parts. */
    public record Pipeline(Account account, RequestSlots slots, AdaptiveConcurrency concurrency, AccountSlots shared) {}

    /** Builds the parts of every account, and of each one added later (a kamelet's). */
    public void start() {
        accounts.all().forEach(this::build);
        accounts.onAdded(this::build);
    }

    public void stop() {
        pipelines.values().forEach(pipeline -> pipeline.shared().stop());
    }

    private void build(Account account) {
        pipelines.computeIfAbsent(account.name(), name -> {
            AdaptiveConcurrency concurrency = new AdaptiveConcurrency();
            concurrency.setAccount(name);
            concurrency.setMaxInFlight(account.maxInFlight());
            concurrency.setProbeMillis(probeMillis);
            AccountSlots shared = new AccountSlots();
            shared.setConnectionFactory(slotsConnectionFactory);
            shared.setAccountMaxInFlight(account.accountMaxInFlight());
            shared.setMaxInFlight(account.maxInFlight());
            shared.setFallbackMaxInFlight(fallbackMaxInFlight);
            shared.setAccountId(account.accountId());
            shared.setReconnectMillis(reconnectMillis);
            // a slot that comes back from an instance gone away (a crash) stays unused as long as its request may last
            shared.setHoldBackMillis(responseTimeoutMillis);
            shared.start();
            RequestSlots slots = new RequestSlots();
            slots.setConcurrency(concurrency);
            slots.setAccount(shared);
            ClevertapAuthentication authentication = new ClevertapAuthentication();
            authentication.setAccountId(account.accountId());
            authentication.setPasscode(account.passcode().reveal());
            ClevertapClient client = new ClevertapClient();
            client.setAuthentication(authentication);
            client.setResponseTimeoutMillis(responseTimeoutMillis);
            camelContext.getRegistry().bind(clientName(name), client);
            return new Pipeline(account, slots, concurrency, shared);
        });
    }

    /** The registry name of an account's HTTP client (the endpoint's {@code httpClientConfigurer}). */
    public static String clientName(String account) {
        return "clevertapClient-" + account;
    }

    public Pipeline of(String account) {
        Pipeline pipeline = pipelines.get(account);
        if (pipeline == null) {
            throw new IllegalStateException("no CleverTap account is named '" + account + "'");
        }
        return pipeline;
    }

    public Map<String, Pipeline> all() {
        return Map.copyOf(pipelines);
    }

    /** Where the batch's request goes: its account's endpoint. */
    public String baseUrl(@Variable(Variables.BATCH) Batch batch) {
        return of(batch.getAccount()).account().baseUrl();
    }

    /** A slot for the batch's request, of its account's. */
    public RequestSlot take(@Variable(Variables.BATCH) Batch batch) throws InterruptedException {
        return of(batch.getAccount()).slots().take();
    }

    /** The request has ended with HTTP {@code status} (none: no answer came): its slot goes back to its account. */
    public void giveBack(
            Exchange exchange,
            @Variable(Variables.BATCH) Batch batch,
            @Header(Exchange.HTTP_RESPONSE_CODE) Integer status) {
        of(batch.getAccount()).slots().giveBack(exchange, status);
        int code = status == null ? 0 : status;
        accounts.failing(batch.getAccount(), code < 200 || code >= 300);
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    public void setAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    public void setSlotsConnectionFactory(ConnectionFactory slotsConnectionFactory) {
        this.slotsConnectionFactory = slotsConnectionFactory;
    }

    public void setProbeMillis(long probeMillis) {
        this.probeMillis = probeMillis;
    }

    public void setFallbackMaxInFlight(int fallbackMaxInFlight) {
        this.fallbackMaxInFlight = fallbackMaxInFlight;
    }

    public void setReconnectMillis(long reconnectMillis) {
        this.reconnectMillis = reconnectMillis;
    }

    public void setResponseTimeoutMillis(long responseTimeoutMillis) {
        this.responseTimeoutMillis = responseTimeoutMillis;
    }
}
