package org.disassociate.clevertap.jmsbatch;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code jms-batch:<queue>}: takes a JMS queue many messages to a transaction. camel-jms and camel-sjms 4.18 take one
 * message to a transaction, and each transaction is a journal sync on the broker; here one exchange holds up to
 * {@code batchSize} messages and one commit ends it. Its options are those of {@link JmsBatchEndpoint}.
 * <p>
 * This package is self-contained (it knows nothing of the rest of this application), so that it can be deleted the
 * day camel-sjms has a batching consumer of its own (CAMEL-16039).
 */
@Component("jms-batch")
public class JmsBatchComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException(uri + ": name the queue, jms-batch:<queue>");
        }
        JmsBatchEndpoint endpoint = new JmsBatchEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        endpoint.check();
        return endpoint;
    }
}
