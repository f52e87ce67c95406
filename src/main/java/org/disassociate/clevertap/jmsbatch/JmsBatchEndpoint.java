package org.disassociate.clevertap.jmsbatch;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** A queue taken in batches of messages, each batch one local transaction ({@link JmsBatchConsumer}); consume only. */
@UriEndpoint(
        firstVersion = "4.18.0",
        scheme = "jms-batch",
        title = "JMS Batch",
        syntax = "jms-batch:queue",
        consumerOnly = true,
        category = {Category.MESSAGING})
public class JmsBatchEndpoint extends DefaultEndpoint {

    @UriPath(description = "The queue to take messages from")
    @Metadata(required = true)
    private final String queue;

    @UriParam(description = "The connection factory of the broker, a reference such as #jmsConnectionFactory")
    @Metadata(required = true)
    private ConnectionFactory connectionFactory;

    @UriParam(
            defaultValue = "1",
            description = "Sessions taking batches at once, each on a thread and a connection of its own")
    private int consumers = 1;

    @UriParam(defaultValue = "500", description = "Messages to a transaction at most")
    private int batchSize = 500;

    @UriParam(
            defaultValue = "50",
            description = "How long a batch waits to fill after its first message, in milliseconds")
    private long batchMillis = 50;

    @UriParam(
            description = "What this instance has taken and not yet sent, in numbers (a reference such as #spool): no"
                    + " batch is taken while it is at maxBacklog or above, so messages wait in the queue, where an instance"
                    + " with room takes them")
    private LongSupplier backlog;

    @UriParam(
            defaultValue = "0",
            description = "A batch also ends once its messages hold this many numbers (lines of"
                    + " their bodies); 0: no limit")
    private int batchNumbers;

    @UriParam(defaultValue = "0", description = "The backlog at which no batch is taken; 0: no limit")
    private long maxBacklog;

    @UriParam(
            description = "The message properties handed to the route with each message, as text, their names"
                    + " separated by commas")
    private String messageProperties = "";

    private List<String> propertyNames = List.of();

    JmsBatchEndpoint(String uri, JmsBatchComponent component, String queue) {
        super(uri, component);
        this.queue = queue;
    }

    /** Refuses options that cannot work, with the endpoint's URI. */
    void check() {
        if (connectionFactory == null) {
            throw new IllegalArgumentException(getEndpointUri() + ": connectionFactory=#<bean> is required");
        }
        if (consumers < 1 || batchSize < 1 || batchMillis < 0) {
            throw new IllegalArgumentException(
                    getEndpointUri() + ": consumers and batchSize must be at least 1, batchMillis at least 0");
        }
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

    public String getQueue() {
        return queue;
    }

    public ConnectionFactory getConnectionFactory() {
        return connectionFactory;
    }

    public void setConnectionFactory(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    public int getConsumers() {
        return consumers;
    }

    public void setConsumers(int consumers) {
        this.consumers = consumers;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public LongSupplier getBacklog() {
        return backlog;
    }

    public void setBacklog(LongSupplier backlog) {
        this.backlog = backlog;
    }

    public int getBatchNumbers() {
        return batchNumbers;
    }

    public void setBatchNumbers(int batchNumbers) {
        this.batchNumbers = batchNumbers;
    }

    public long getMaxBacklog() {
        return maxBacklog;
    }

    public void setMaxBacklog(long maxBacklog) {
        this.maxBacklog = maxBacklog;
    }

    public String getMessageProperties() {
        return messageProperties;
    }

    public void setMessageProperties(String messageProperties) {
        this.messageProperties = messageProperties == null ? "" : messageProperties;
        this.propertyNames = Arrays.stream(this.messageProperties.split(","))
                .map(String::trim)
                .filter(n -> !n.isEmpty())
                .toList();
    }

    /** The names of {@link #getMessageProperties()}. */
    List<String> getPropertyNames() {
        return propertyNames;
    }

    public long getBatchMillis() {
        return batchMillis;
    }

    public void setBatchMillis(long batchMillis) {
        this.batchMillis = batchMillis;
    }
}
