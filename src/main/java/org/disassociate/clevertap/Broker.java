package org.disassociate.clevertap;

import java.nio.file.Path;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ActiveMQ Artemis broker the JMS intake (and a JMS error channel) uses, and the connection factory to it: an
 * existing one at {@code jms.broker-url}, or, when that is empty, one embedded in this process, persistent (its
 * journal under {@code jms.embedded.data-dir}), listening on {@code jms.embedded.host}:{@code jms.embedded.port} so
 * that other programs can send to it.
 * <p>
 * The embedded broker never drops a message: a message whose processing failed is redelivered with back-off, without
 * a limit (the intake itself sends poison messages to the error channel, so only transient failures come back).
 */
public class Broker implements ConnectionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(Broker.class);

    private String url = "";
    private String username = "";
    private String password = "";
    private String embeddedHost = "127.0.0.1";
    private int embeddedPort = 61616;
    private String embeddedDataDir = "data/broker";
    private EmbeddedActiveMQ embedded;
    private String connectedUrl;
    private ConnectionFactory client;

    /**
     * Starts the embedded broker when no external one is named, and says which broker is used. Called on the first
     * connection, not when the bean is made: Camel's YAML loader makes each bean twice (once to pre-parse), and only
     * the instance that is used may start a broker.
     */
    public synchronized void start() throws Exception {
        if (connectedUrl != null) {
            return;
        }
        if (!url.isBlank()) {
            connectedUrl = url.trim();
            LOG.info("JMS: ActiveMQ Artemis broker at {}", connectedUrl);
            return;
        }
        Path dir = Path.of(embeddedDataDir).toAbsolutePath();
        String acceptor = "tcp://" + embeddedHost + ":" + embeddedPort;
        Configuration config = new ConfigurationImpl()
                .setName("clevertap-disassociate")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setNodeManagerLockDirectory(dir.toString())
                // block producers only when the disk is really full, not at Artemis' default of 90 %
                .setMaxDiskUsage(100)
                .addAcceptorConfiguration("tcp", acceptor);
        config.addAddressSetting("#", new AddressSettings()
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true)
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(60_000)
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue")));
        embedded = new EmbeddedActiveMQ().setConfiguration(config);
        embedded.start();
        var listening = embedded.getActiveMQServer().getRemotingService().getAcceptor("tcp");
        if (listening == null || !listening.isStarted()) {
            // Artemis logs the bind failure but comes up all the same, unreachable: refuse instead
            stop();
            throw new IllegalStateException("the embedded broker cannot listen on " + embeddedHost + ":" + embeddedPort
                    + " (in use by another program?): set jms.embedded.port (JMS_EMBEDDED_PORT), or jms.broker-url"
                    + " (JMS_BROKER_URL) for an existing broker");
        }
        connectedUrl = acceptor;
        LOG.info("JMS: embedded ActiveMQ Artemis broker at {} (no jms.broker-url set), journal in {}", acceptor, dir);
    }

    public synchronized void stop() throws Exception {
        if (embedded != null) {
            embedded.stop();
            embedded = null;
        }
        connectedUrl = null;
        client = null;
    }

    private synchronized ConnectionFactory client() throws JMSException {
        if (client == null) {
            try {
                start();
            } catch (Exception e) {
                JMSException failed = new JMSException("the embedded broker did not start: " + e.getMessage());
                failed.setLinkedException(e);
                throw failed;
            }
            client = username.isBlank() ? new ActiveMQConnectionFactory(connectedUrl)
                    : new ActiveMQConnectionFactory(connectedUrl, username, password);
        }
        return client;
    }

    private ConnectionFactory contextClient() {
        try {
            return client();
        } catch (JMSException e) {
            throw new jakarta.jms.JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    @Override
    public Connection createConnection() throws JMSException {
        return client().createConnection();
    }

    @Override
    public Connection createConnection(String user, String pass) throws JMSException {
        return client().createConnection(user, pass);
    }

    @Override
    public JMSContext createContext() {
        return contextClient().createContext();
    }

    @Override
    public JMSContext createContext(String user, String pass) {
        return contextClient().createContext(user, pass);
    }

    @Override
    public JMSContext createContext(String user, String pass, int sessionMode) {
        return contextClient().createContext(user, pass, sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return contextClient().createContext(sessionMode);
    }

    /** The URL clients connect to: the external broker's, or the embedded one's acceptor. */
    public synchronized String getConnectedUrl() {
        return connectedUrl;
    }

    /** Messages waiting in a queue of the embedded broker (for tests and checks); -1 for an external broker. */
    public long messageCount(String queue) {
        if (embedded == null) {
            return -1;
        }
        var found = embedded.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getMessageCount() + found.getDeliveringCount();
    }

    public void setUrl(String url) {
        this.url = url == null ? "" : url;
    }

    public void setUsername(String username) {
        this.username = username == null ? "" : username;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    public void setEmbeddedHost(String embeddedHost) {
        this.embeddedHost = embeddedHost;
    }

    public void setEmbeddedPort(int embeddedPort) {
        this.embeddedPort = embeddedPort;
    }

    public void setEmbeddedDataDir(String embeddedDataDir) {
        this.embeddedDataDir = embeddedDataDir;
    }

    @Override
    public String toString() {
        return "Broker[" + (connectedUrl == null ? "not started" : connectedUrl) + "]";
    }
}
