package org.disassociate.clevertap.jmsbatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a queue in batches: each of {@code consumers} threads has a connection and a transacted session, receives a
 * message, then more until {@code batchSize} or {@code batchMillis} after the first, and hands the batch to the route
 * as one exchange (a list of {@link ReceivedMessage}). When the exchange succeeded (the numbers are in the spool, the
 * refusals in the error channel) the session commits: one broker journal sync for the batch. When it failed, the
 * session rolls back, the broker delivers the messages again, and this thread takes the next as many messages one at a
 * time, so that one message that keeps failing holds back only itself. A lost broker connection is tried again with
 * back-off; at stop the batch in hand is finished first.
 */
public class JmsBatchConsumer extends DefaultConsumer {

    /** The message property of the W3C trace context. */
    static final String TRACEPARENT = "traceparent";

    private static final Logger LOG = LoggerFactory.getLogger(JmsBatchConsumer.class);
    private static final long RECEIVE_MILLIS = 500;
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    private static final long ROOM_CHECK_MILLIS = 5;

    private final JmsBatchEndpoint endpoint;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch stopping = new CountDownLatch(0);
    private ExecutorService threads;

    JmsBatchConsumer(JmsBatchEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        stopping = new CountDownLatch(1);
        threads = endpoint.getCamelContext()
                .getExecutorServiceManager()
                .newFixedThreadPool(this, "jms-batch:" + endpoint.getQueue(), endpoint.getConsumers());
        for (int i = 0; i < endpoint.getConsumers(); i++) {
            threads.execute(this::consumeUntilStopped);
        }
    }

    @Override
    protected void doStop() throws Exception {
        stopping.countDown();
        if (threads != null) {
            // each thread notices within a receive's wait, after finishing (committing) the batch in hand
            threads.shutdown();
            if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn(
                        "JMS intake: a batch did not finish within 30 s of the stop; it is rolled back and delivered again");
                connections.forEach(JmsBatchConsumer::closeQuietly);
                threads.shutdownNow();
            }
            threads = null;
        }
        super.doStop();
    }

    private boolean stopped() {
        return stopping.getCount() == 0;
    }

    private void consumeUntilStopped() {
        long backoff = 1000;
        while (!stopped()) {
            try {
                consume();
            } catch (JMSException | RuntimeException e) {
                if (stopped()) {
                    return;
                }
                LOG.warn(
                        "JMS intake: the queue {} cannot be read ({}); connecting again in {} ms",
                        endpoint.getQueue(),
                        e.getMessage(),
                        backoff);
                try {
                    if (stopping.await(backoff, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private void consume() throws JMSException {
        Connection connection = endpoint.getConnectionFactory().createConnection();
        connections.add(connection);
        try {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(endpoint.getQueue()));
            connection.start();
            int alone = 0;
            while (!stopped()) {
                if (!awaitRoom()) {
                    return;
                }
                if (failedOver(session)) {
                    // nothing taken since the last commit: a fresh transaction, and no message is delivered again
                    session.rollback();
                }
                List<Message> batch = receive(consumer, alone > 0 ? 1 : endpoint.getBatchSize());
                if (batch.isEmpty()) {
                    continue;
                }
                if (failedOver(session)) {
                    LOG.info(
                            "JMS intake: the session failed over to the broker during a receive; {} message(s) go back to"
                                    + " the queue untouched and are taken again",
                            batch.size());
                    session.rollback();
                    continue;
                }
                alone = Math.max(0, alone - 1);
                if (deliver(batch)) {
                    session.commit();
                } else {
                    session.rollback();
                    if (batch.size() > 1) {
                        alone = batch.size();
                    }
                }
            }
        } finally {
            connections.remove(connection);
            closeQuietly(connection);
        }
    }

    /**
     * Artemis makes a transacted session rollback-only when it fails over to another broker (or to the same one,
     * restarted) with work done since its last commit, and a receive that waits counts. Its next commit would fail after
     * the batch had gone through the route (its numbers spooled), and the broker would deliver the batch again: its
     * numbers would be spooled, and sent, twice.
     */
    private static boolean failedOver(Session session) {
        return session instanceof ActiveMQSession artemis
                && artemis.getCoreSession().isRollbackOnly();
    }

    /**
     * Waits while the backlog is at its limit: what this instance has taken and not sent yet. False when stopped
     * meanwhile.
     */
    private boolean awaitRoom() {
        LongSupplier backlog = endpoint.getBacklog();
        long max = endpoint.getMaxBacklog();
        if (backlog == null || max <= 0) {
            return true;
        }
        try {
            while (backlog.getAsLong() >= max) {
                if (stopping.await(ROOM_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A message, then more until {@code max} messages, {@code batchNumbers} numbers or {@code batchMillis} after the
     * first; none when the queue stays empty.
     */
    private List<Message> receive(MessageConsumer consumer, int max) throws JMSException {
        Message first = consumer.receive(RECEIVE_MILLIS);
        if (first == null) {
            return List.of();
        }
        List<Message> batch = new ArrayList<>(Math.min(max, 1024));
        batch.add(first);
        int maxNumbers = endpoint.getBatchNumbers();
        long numbers = maxNumbers > 0 ? numbersOf(first) : 0;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(endpoint.getBatchMillis());
        while (batch.size() < max && (maxNumbers <= 0 || numbers < maxNumbers)) {
            Message next = consumer.receiveNoWait();
            if (next == null) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || (next = consumer.receive(left)) == null) {
                    break;
                }
            }
            batch.add(next);
            if (maxNumbers > 0) {
                numbers += numbersOf(next);
            }
        }
        return batch;
    }

    /** About how many numbers a message holds: the lines of a text body, one for any other. */
    private static long numbersOf(Message message) throws JMSException {
        if (message instanceof TextMessage text && text.getText() != null) {
            String body = text.getText();
            long lines = 1;
            for (int i = body.indexOf('\n'); i >= 0 && i < body.length() - 1; i = body.indexOf('\n', i + 1)) {
                lines++;
            }
            return lines;
        }
        return 1;
    }

    /**
     * The trace context of a message (W3C {@code traceparent}, as OpenTelemetry's JMS instrumentation sends it as a
     * message property), when {@code messageProperties} names it: the batch's exchange continues the trace of its
     * first message that has one, as a JMS consumer of one message would; Camel's tracing reads it as a header when
     * the exchange enters the route. The route links the other messages' traces.
     */
    private static void continueTrace(Exchange exchange, List<ReceivedMessage> received) {
        for (ReceivedMessage message : received) {
            String traceparent = message.property(TRACEPARENT);
            if (traceparent != null) {
                exchange.getIn().setHeader(TRACEPARENT, traceparent);
                return;
            }
        }
    }

    /** The batch through the route; true when it succeeded. */
    private boolean deliver(List<Message> messages) throws JMSException {
        List<ReceivedMessage> received = new ArrayList<>(messages.size());
        for (Message message : messages) {
            received.add(new ReceivedMessage(message.getJMSMessageID(), body(message), properties(message)));
        }
        Exchange exchange = createExchange(false);
        try {
            exchange.getIn().setBody(received);
            continueTrace(exchange, received);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            Exception failure = exchange.getException();
            if (failure != null) {
                LOG.warn(
                        "JMS intake: {} rolled back, delivered again by the broker{}: {}",
                        received.size() == 1
                                ? "message " + received.get(0).id()
                                : "a batch of " + received.size() + " messages",
                        received.size() == 1 ? "" : ", then taken one at a time",
                        failure.getMessage());
            }
            return failure == null;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** The properties the endpoint names that the message has, as text. */
    private Map<String, String> properties(Message message) throws JMSException {
        List<String> names = endpoint.getPropertyNames();
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, String> properties = new HashMap<>(names.size() * 2);
        for (String name : names) {
            Object value = message.getObjectProperty(name);
            if (value != null) {
                properties.put(name, value.toString());
            }
        }
        return properties;
    }

    private static Object body(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        if (message instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            return body;
        }
        String kind = message.getClass().getSimpleName().replaceFirst("^ActiveMQ", "");
        return new ReceivedMessage.OtherKind(kind.isEmpty() ? "JMS message" : kind);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (JMSException | RuntimeException e) {
            LOG.debug("JMS intake: closing a connection: {}", e.getMessage());
        }
    }
}
