package org.disassociate.clevertap.operations;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * The poll strategy of the inbox and the spool: each of their polls hands the files it took to the routes before it
 * ends, so the end of an endpoint's first poll says which files were there at start-up. The one-shot mode waits on it.
 */
public class InboxPolls implements PollingConsumerPollStrategy {

    private final Map<String, CompletableFuture<Void>> firstPolls = new ConcurrentHashMap<>();

    /** Completes when the first poll of the endpoint has handed every file it took to its route. */
    public CompletableFuture<Void> firstPoll(Endpoint endpoint) {
        return firstPolls.computeIfAbsent(endpoint.getEndpointUri(), uri -> new CompletableFuture<>());
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        firstPoll(endpoint).complete(null);
    }

    /** A poll that failed ends the first poll too: the files it could not take are not waited for. */
    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        firstPoll(endpoint).complete(null);
        return false;
    }
}
