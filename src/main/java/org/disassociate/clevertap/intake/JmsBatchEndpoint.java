package org.disassociate.clevertap.intake;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** A queue taken in batches of messages, each batch one local transaction ({@link JmsBatchConsumer}); consume only. */
public class JmsBatchEndpoint extends DefaultEndpoint {

    private final String queue;
    private final ConnectionFactory connectionFactory;
    private final int consumers;
    private final int batchSize;
    private final long batchMillis;

    JmsBatchEndpoint(String uri, JmsBatchComponent component, String queue, ConnectionFactory connectionFactory,
            int consumers, int batchSize, long batchMillis) {
        super(uri, component);
        this.queue = queue;
        this.connectionFactory = connectionFactory;
        this.consumers = consumers;
        this.batchSize = batchSize;
        this.batchMillis = batchMillis;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("jms-batch only consumes; send with the jms component");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        JmsBatchConsumer consumer = new JmsBatchConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    String getQueue() {
        return queue;
    }

    ConnectionFactory getConnectionFactory() {
        return connectionFactory;
    }

    int getConsumers() {
        return consumers;
    }

    int getBatchSize() {
        return batchSize;
    }

    long getBatchMillis() {
        return batchMillis;
    }
}
