package org.disassociate.clevertap.intake;

import java.util.Map;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code jms-batch:<queue>}: takes a JMS queue many messages to a transaction. camel-jms and camel-sjms 4.18 take one
 * message to a transaction (newer sjms has batching; 4.18 does not), and each transaction is a journal sync on the
 * broker; here one exchange holds up to {@code batchSize} messages and one commit ends it.
 * <p>
 * Parameters: {@code connectionFactory} (a reference, {@code #name}), {@code consumers} (sessions at once, 1),
 * {@code batchSize} (messages to a transaction at most, 500), {@code batchMillis} (how long a batch waits to fill after
 * its first message, 50).
 */
public class JmsBatchComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException(uri + ": name the queue, jms-batch:<queue>");
        }
        ConnectionFactory connectionFactory = resolveAndRemoveReferenceParameter(parameters, "connectionFactory",
                ConnectionFactory.class);
        if (connectionFactory == null) {
            throw new IllegalArgumentException(uri + ": connectionFactory=#<bean> is required");
        }
        int consumers = getAndRemoveParameter(parameters, "consumers", Integer.class, 1);
        int batchSize = getAndRemoveParameter(parameters, "batchSize", Integer.class, 500);
        long batchMillis = getAndRemoveParameter(parameters, "batchMillis", Long.class, 50L);
        if (consumers < 1 || batchSize < 1 || batchMillis < 0) {
            throw new IllegalArgumentException(uri + ": consumers and batchSize must be at least 1, batchMillis at least 0");
        }
        return new JmsBatchEndpoint(uri, this, remaining, connectionFactory, consumers, batchSize, batchMillis);
    }
}
