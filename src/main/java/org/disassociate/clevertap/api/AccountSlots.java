package org.disassociate.clevertap.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's limit on concurrent requests ({@code clevertap.account-max-in-flight}), held together by every instance
 * on the same ActiveMQ Artemis broker: a queue of that many token messages, one per slot. A request takes a token in a
 * transacted session and keeps the transaction open while it is in flight; when it ends, the same transaction acks the
 * token and sends it back as a new message, in one commit. So at no moment are more requests in flight across the fleet
 * than tokens, and a token is never lost or doubled:
 * <ul>
 * <li>no client prefetches tokens: the factory has {@code consumerWindowSize=0};</li>
 * <li>a holder that dies (a crash, {@code kill -9}, a lost network) has its transaction rolled back by the broker as
 * soon as its connection is found dead (at once for a closed socket, within the connection TTL otherwise): the token is
 * back in the queue;</li>
 * <li>the tokens are seeded by every instance at each connection, each with a duplicate-detection id
 * ({@code _AMQ_DUPL_ID}: {@code <queue>-slot-<n>}), so the broker keeps the first of each slot number, however many
 * instances start together;</li>
 * <li>a lowered limit: a token of a slot above it is moved to {@code <queue>.parked} when taken; a raised one: the
 * slots above the old limit are seeded, or taken back from the parked queue.</li>
 * </ul>
 * A token that comes back from a holder that went away is kept unused for as long as that holder's request may still be
 * in flight ({@code clevertap.response-timeout-ms}) before it is used again.
 * <p>
 * A token is never given back by a rollback (rollbacks count towards the broker's delivery attempts and would end in
 * its dead-letter address); only a failed commit rolls back.
 * <p>
 * While the broker cannot be reached, requests fall back to a local limit ({@code clevertap.account-fallback-max-in-flight}
 * at once in this instance), and this instance connects again every {@code reconnectMillis}.
 */
public class AccountSlots {

    private static final Logger LOG = LoggerFactory.getLogger(AccountSlots.class);
    static final String SLOT = "slot";
    /** Artemis' duplicate-detection header ({@code Message.HDR_DUPLICATE_DETECTION_ID}). */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** Artemis' last-value key header ({@code Message.HDR_LAST_VALUE_NAME}). */
    static final String LAST_VALUE_KEY = "_AMQ_LVQ_NAME";

    private ConnectionFactory connectionFactory;
    private int accountMaxInFlight;
    private int maxInFlight = 3;
    private int fallbackMaxInFlight = 1;
    private String accountId = "";
    private long reconnectMillis = 5000;
    private long receiveMillis = 1000;
    private long holdBackMillis = 30_000;

    private Semaphore fallback;
    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    /** Connects again after a loss, and gives back the tokens kept unused. */
    private ScheduledExecutorService scheduler;

    private volatile Tokens tokens;
    private volatile String awayBecause = "not connected yet";
    private volatile Instant awaySince = Instant.now();

    /** A held slot: its token's transaction, or a slot of the local fallback. */
    public record Held(Holder holder, int slot) {
        static final Held NOT_SHARED = new Held(null, 0);
        static final Held FALLBACK = new Held(null, -1);
    }

    public void setConnectionFactory(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    public void setAccountMaxInFlight(int accountMaxInFlight) {
        this.accountMaxInFlight = accountMaxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public void setFallbackMaxInFlight(int fallbackMaxInFlight) {
        this.fallbackMaxInFlight = fallbackMaxInFlight;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId == null ? "" : accountId.trim();
    }

    public void setReconnectMillis(long reconnectMillis) {
        this.reconnectMillis = reconnectMillis;
    }

    /** {@code clevertap.response-timeout-ms}: the longest a request may be in flight. */
    public void setHoldBackMillis(long holdBackMillis) {
        this.holdBackMillis = holdBackMillis;
    }

    public void setReceiveMillis(long receiveMillis) {
        this.receiveMillis = receiveMillis;
    }

    public boolean isEnabled() {
        return accountMaxInFlight > 0;
    }

    /** The queue of the account's tokens. */
    public String queueName() {
        return "clevertap.account-slots." + (accountId.isEmpty() ? "default" : accountId);
    }

    /** Connects, or goes on with the local fallback and keeps trying: a broker away never stops the start. */
    public void start() {
        if (!isEnabled()) {
            return;
        }
        fallback = new Semaphore(Math.max(1, fallbackMaxInFlight), true);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "account-slots");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.execute(this::connect);
    }

    public void stop() {
        firstAttempt.countDown();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        Tokens current = tokens;
        tokens = null;
        if (current != null) {
            current.close();
        }
    }

    /** Waits for a slot of the account (or, broker away, of the local fallback). */
    public Held take() throws InterruptedException {
        if (!isEnabled()) {
            return Held.NOT_SHARED;
        }
        // until the first connection has been tried, the broker is not known to be away: a request waits for it
        // rather than going out under the fallback beside the fleet's slots
        firstAttempt.await();
        while (true) {
            Tokens current = tokens;
            if (current == null) {
                fallback.acquire();
                return Held.FALLBACK;
            }
            Holder holder = current.idle.poll(receiveMillis, TimeUnit.MILLISECONDS);
            if (holder == null) {
                continue;
            }
            try {
                // no timeout: a consumer without a window that gives up waiting leaves its credit with the broker,
                // which then delivers the next token into this session's buffer, where nobody takes it. It returns
                // null when the connection closes (the broker lost, or the stop)
                Message token = holder.consumer.receive();
                if (token == null) {
                    current.idle.add(holder);
                    lost(current, new JMSException("the connection to the broker was closed"));
                    continue;
                }
                int slot = token.getIntProperty(SLOT);
                if (slot < 1 || slot > accountMaxInFlight) {
                    holder.park(token);
                    LOG.info(
                            "Account slots: slot {} is above clevertap.account-max-in-flight={}: parked",
                            slot,
                            accountMaxInFlight);
                    current.idle.add(holder);
                    continue;
                }
                if (token.getJMSRedelivered()) {
                    keepUnused(holder, slot);
                    continue;
                }
                return new Held(holder, slot);
            } catch (JMSException e) {
                current.idle.add(holder);
                lost(current, e);
            }
        }
    }

    /**
     * A token the broker took back from a holder that went away with it (a crash, a lost connection): that holder's
     * request may still be in flight at CleverTap, for as long as a request may last ({@code clevertap.response-timeout-ms}).
     * Its session keeps the token, unused, that long, and then gives it back; the request that found it goes on
     * waiting for another token meanwhile.
     */
    // the scheduled give-back is never cancelled or awaited: the scheduler's shutdown drops it, and then the
    // connection's close rolls the token back
    @SuppressWarnings("FutureReturnValueIgnored")
    private void keepUnused(Holder holder, int slot) {
        LOG.warn(
                "Account slots: slot {} came back from an instance that went away holding it; kept unused {} ms, as long "
                        + "as that instance's request may still be in flight at CleverTap",
                slot,
                holdBackMillis);
        if (!scheduler.isShutdown()) {
            // at the stop, closing the connection rolls the kept token back instead
            scheduler.schedule(() -> giveBack(new Held(holder, slot)), holdBackMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** The request has ended: its token goes back (acked and sent anew in one commit), or its fallback slot. */
    // NOT_SHARED and FALLBACK are sentinels: only those very instances mean no token
    @SuppressWarnings("ReferenceEquality")
    public void giveBack(Held held) {
        if (held == null || held == Held.NOT_SHARED) {
            return;
        }
        if (held == Held.FALLBACK) {
            fallback.release();
            return;
        }
        Tokens current = tokens;
        Holder holder = held.holder();
        try {
            holder.giveBack(held.slot());
        } catch (JMSException e) {
            // the commit failed: the broker has rolled the transaction back or will once the connection is found dead,
            // and the token is in the queue again
            holder.rollbackQuietly();
            if (current != null && holder.tokens == current) {
                lost(current, e);
            }
        }
        if (holder.tokens == tokens) {
            holder.tokens.idle.add(holder);
        }
    }

    /** For readiness: whether the sends hold the account's shared limit now, and if not, why. */
    public boolean isShared() {
        return tokens != null;
    }

    public String awayBecause() {
        return awayBecause;
    }

    public Instant awaySince() {
        return awaySince;
    }

    public int fallbackMaxInFlight() {
        return Math.max(1, fallbackMaxInFlight);
    }

    // the next attempt is never cancelled or awaited: connect() catches its own failures and schedules the next one
    @SuppressWarnings("FutureReturnValueIgnored")
    private void connect() {
        try {
            Tokens connected = Tokens.open(this);
            tokens = connected;
            firstAttempt.countDown();
            LOG.info(
                    "Account slots: {} requests at once across the fleet, held on queue {} of the broker",
                    accountMaxInFlight,
                    queueName());
        } catch (JMSException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (!why.equals(awayBecause)) {
                LOG.warn(
                        "Account slots: the broker cannot be reached ({}); sending at most {} request(s) at once from this "
                                + "instance until it can, trying again every {} ms",
                        why,
                        fallbackMaxInFlight(),
                        reconnectMillis);
            }
            awayBecause = why;
            firstAttempt.countDown();
            scheduler.schedule(this::connect, reconnectMillis, TimeUnit.MILLISECONDS);
        }
    }

    // the reconnection is never cancelled or awaited: connect() catches its own failures
    @SuppressWarnings("FutureReturnValueIgnored")
    private synchronized void lost(Tokens lost, Exception cause) {
        if (tokens != lost) {
            return;
        }
        tokens = null;
        awaySince = Instant.now();
        awayBecause = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        LOG.warn(
                "Account slots: the connection to the broker is lost ({}); sending at most {} request(s) at once from this "
                        + "instance until it is back",
                awayBecause,
                fallbackMaxInFlight());
        lost.close();
        if (!scheduler.isShutdown()) {
            scheduler.schedule(this::connect, reconnectMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The account's queue, a last-value queue keyed by slot: of two tokens of one slot waiting in it, the broker keeps
     * the later. That covers the one gap of duplicate detection: two instances seeding the same slot at the same
     * instant may both pass it (the broker checks its id cache, then adds to it). A token being held is not replaced;
     * no token of its slot is sent while it is held but by its holder, in the commit that acks it.
     */
    static Queue tokenQueue(Session session, String queueName) throws JMSException {
        return session.createQueue(queueName + "?last-value=true");
    }

    /** The token of {@code slot}; {@code _AMQ_LVQ_NAME} is the key of the last-value queue. */
    static Message newToken(Session session, int slot) throws JMSException {
        Message token = session.createMessage();
        token.setIntProperty(SLOT, slot);
        token.setStringProperty(LAST_VALUE_KEY, "slot-" + slot);
        return token;
    }

    /** One connection to the broker, with a holder (a transacted session) for each request this instance may send. */
    static final class Tokens {
        final Connection connection;
        final BlockingQueue<Holder> idle;

        private Tokens(Connection connection, int holders) {
            this.connection = connection;
            this.idle = new ArrayBlockingQueue<>(holders);
        }

        static Tokens open(AccountSlots slots) throws JMSException {
            Connection connection = slots.connectionFactory.createConnection();
            Tokens tokens = new Tokens(connection, slots.maxInFlight);
            try {
                connection.setExceptionListener(e -> slots.lost(tokens, e));
                connection.start();
                seed(connection, slots);
                List<Holder> holders = new ArrayList<>();
                for (int i = 0; i < slots.maxInFlight; i++) {
                    holders.add(new Holder(tokens, connection, slots.queueName()));
                }
                tokens.idle.addAll(holders);
                return tokens;
            } catch (JMSException | RuntimeException e) {
                tokens.close();
                throw e;
            }
        }

        /**
         * Sends a token for each slot up to the limit; the broker keeps only the first of each (duplicate detection),
         * so every instance may seed. Parked tokens of slots within the limit come back.
         */
        private static void seed(Connection connection, AccountSlots slots) throws JMSException {
            try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                Queue queue = tokenQueue(session, slots.queueName());
                try (MessageProducer producer = session.createProducer(queue)) {
                    for (int slot = 1; slot <= slots.accountMaxInFlight; slot++) {
                        Message token = newToken(session, slot);
                        token.setStringProperty(DUPLICATE_ID, slots.queueName() + "-slot-" + slot);
                        producer.send(token);
                    }
                }
            }
            try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
                Queue parked = session.createQueue(slots.queueName() + ".parked");
                Queue queue = tokenQueue(session, slots.queueName());
                try (MessageConsumer unpark = session.createConsumer(parked, SLOT + " <= " + slots.accountMaxInFlight);
                        MessageProducer producer = session.createProducer(queue)) {
                    Message token;
                    while ((token = unpark.receive(200)) != null) {
                        producer.send(newToken(session, token.getIntProperty(SLOT)));
                        session.commit();
                        LOG.info(
                                "Account slots: slot {} taken back from the parked tokens", token.getIntProperty(SLOT));
                    }
                }
            }
        }

        void close() {
            try {
                connection.close();
            } catch (JMSException | RuntimeException e) {
                LOG.debug("Account slots: closing the connection: {}", e.getMessage());
            }
        }
    }

    /** A transacted session that takes one token at a time and keeps its transaction open while the request is out. */
    static final class Holder {
        final Tokens tokens;
        final Session session;
        final MessageConsumer consumer;
        /** Without a destination of its own: it sends to the account's queue, and to the parked one. */
        final MessageProducer producer;

        final Queue queue;
        final Queue parked;

        Holder(Tokens tokens, Connection connection, String queueName) throws JMSException {
            this.tokens = tokens;
            this.session = connection.createSession(true, Session.SESSION_TRANSACTED);
            this.queue = tokenQueue(session, queueName);
            this.consumer = session.createConsumer(queue);
            this.producer = session.createProducer(null);
            this.parked = session.createQueue(queueName + ".parked");
        }

        /** Acks the token taken and sends it anew, in one commit. */
        void giveBack(int slot) throws JMSException {
            producer.send(queue, newToken(session, slot));
            session.commit();
        }

        /** Takes a token out of the account's queue for good, into the parked one. */
        void park(Message token) throws JMSException {
            producer.send(parked, newToken(session, token.getIntProperty(SLOT)));
            session.commit();
        }

        void rollbackQuietly() {
            try {
                session.rollback();
            } catch (JMSException | RuntimeException e) {
                LOG.debug("Account slots: rollback after a failed commit: {}", e.getMessage());
            }
        }
    }
}
