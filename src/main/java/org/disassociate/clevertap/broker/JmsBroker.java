package org.disassociate.clevertap.broker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

import jakarta.jms.ConnectionFactory;
import org.disassociate.clevertap.model.ConfigurationException;
import org.disassociate.clevertap.model.OptionalJars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ActiveMQ Artemis broker of the JMS intake (and of a JMS error channel): an existing one at {@code jms.broker-url},
 * or, when that is empty, one embedded in this process, persistent (its journal under {@code jms.embedded.data-dir}),
 * listening on {@code jms.embedded.host}:{@code jms.embedded.port} so that other programs can send to it.
 * <p>
 * The embedded broker never drops a message: a message whose processing failed is redelivered with back-off, without
 * a limit (the intake itself sends poison messages to the error channel, so only transient failures come back).
 */
public class JmsBroker {

    private static final Logger LOG = LoggerFactory.getLogger(JmsBroker.class);

    private String url = "";
    private String embeddedHost = "127.0.0.1";
    private int embeddedPort = 61616;
    private String embeddedDataDir = "data/broker";
    private boolean intakeEnabled = true;
    private String errorsUri = "";
    private int accountSlots;
    private String username = "";
    private String password = "";
    /**
     * The embedded broker, when it runs: only that class touches artemis-server (optional), so a host without it still
     * creates this bean.
     */
    private EmbeddedBroker embedded;

    /**
     * Starts the embedded broker when no external one is named and something here uses JMS (the JMS intake, an error
     * channel on a queue, or the account's shared limit), and says which broker is used. A broker that cannot listen
     * stops the start-up, and so does a missing optional jar that JMS here needs.
     */
    public synchronized void start() throws Exception {
        if (!intakeEnabled && !errorsUri.startsWith("jms:") && accountSlots == 0) {
            return;
        }
        if (!hasClient()) {
            throw new ConfigurationException(NoJmsClient.MISSING);
        }
        if (!embedded(url)) {
            LOG.info("JMS: ActiveMQ Artemis broker at {}", connectionUrl());
            return;
        }
        boolean secured = !username.isBlank();
        if (!isLoopback(embeddedHost) && (!secured || password.isBlank())) {
            throw new ConfigurationException(
                    "jms.embedded.host (JMS_EMBEDDED_HOST) is " + embeddedHost + ", beyond this "
                            + "machine: the embedded broker then takes only clients with jms.username (JMS_USERNAME) and "
                            + "jms.password (JMS_PASSWORD); set both");
        }
        if (!OptionalJars.present(OptionalJars.ARTEMIS_SERVER)) {
            throw new ConfigurationException("no jms.broker-url (JMS_BROKER_URL) is set and the embedded broker is not "
                    + "on the class path: set jms.broker-url for an existing broker, or add "
                    + "org.apache.activemq:artemis-server");
        }
        Path dir = Path.of(embeddedDataDir).toAbsolutePath();
        String acceptor = connectionUrl();
        EmbeddedBroker broker = new EmbeddedBroker();
        broker.start(dir, acceptor, inVmUrl(embeddedPort), secured, username, password);
        embedded = broker;
        if (!broker.listening()) {
            stop();
            throw new ConfigurationException("the embedded broker cannot listen on " + embeddedHost + ":" + embeddedPort
                    + " (in use by another program?): set jms.embedded.port (JMS_EMBEDDED_PORT), or jms.broker-url"
                    + " (JMS_BROKER_URL) for an existing broker, or intake.jms.enabled=false (INTAKE_JMS_ENABLED)");
        }
        LOG.info("JMS: embedded ActiveMQ Artemis broker at {} (no jms.broker-url set), journal in {}", acceptor, dir);
    }

    public synchronized void stop() throws Exception {
        if (embedded != null) {
            embedded.stop();
            embedded = null;
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** {@code jms.username}: for an external broker that asks for it; the one user the embedded broker takes when set. */
    public void setUsername(String username) {
        this.username = username == null ? "" : username.trim();
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    /** The URL clients connect to: the external broker's, or the embedded one's acceptor. */
    public String connectionUrl() {
        return connectionUrl(url, embeddedHost, embeddedPort);
    }

    static String connectionUrl(String brokerUrl, String embeddedHost, int embeddedPort) {
        return embedded(brokerUrl) ? "tcp://" + embeddedHost + ":" + embeddedPort : brokerUrl.trim();
    }

    /** No {@code jms.broker-url}: the broker is the one embedded in this process. */
    private static boolean embedded(String brokerUrl) {
        return brokerUrl == null || brokerUrl.isBlank();
    }

    /** The embedded broker's in-VM acceptor: its server id is the TCP port, unique among the brokers of one JVM. */
    static String inVmUrl(int embeddedPort) {
        return "vm://" + embeddedPort;
    }

    /**
     * The connection factory of this instance's JMS endpoints, to the broker in use: {@code jms.broker-url}, or the
     * embedded one in-VM (other programs use its TCP acceptor). A static factory: Camel's YAML beans call factory methods
     * statically. Artemis' when its client is on the class path; without it (a host that uses no JMS) one that says so
     * to whatever tries to connect.
     */
    public static ConnectionFactory connectionFactory(
            String brokerUrl, int embeddedPort, String username, String password) {
        String url = clientUrl(brokerUrl, embeddedPort);
        return hasClient() ? ArtemisClient.connectionFactory(url, username, password) : new NoJmsClient();
    }

    private static boolean hasClient() {
        return OptionalJars.present(OptionalJars.ARTEMIS_CLIENT);
    }

    private static String clientUrl(String brokerUrl, int embeddedPort) {
        return embedded(brokerUrl) ? inVmUrl(embeddedPort) : brokerUrl.trim();
    }

    /**
     * The connection factory of the account's shared slots: to {@code slotsUrl} when it is set (one broker of a
     * cluster, or a live/backup pair: the tokens must live on one broker), else as {@link #connectionFactory}.
     */
    public static ConnectionFactory slotsConnectionFactory(
            String slotsUrl, String brokerUrl, int embeddedPort, String username, String password) {
        String url = clientUrl(embedded(slotsUrl) ? brokerUrl : slotsUrl, embeddedPort);
        return hasClient() ? ArtemisClient.slotsConnectionFactory(url, username, password) : new NoJmsClient();
    }

    /** Messages in a queue of the embedded broker, waiting or being delivered (Artemis counts both); -1 for an external broker. */
    public synchronized long messageCount(String queue) {
        return embedded == null ? -1 : embedded.messageCount(queue);
    }

    public void setUrl(String url) {
        this.url = url == null ? "" : url;
    }

    public void setIntakeEnabled(boolean intakeEnabled) {
        this.intakeEnabled = intakeEnabled;
    }

    /** {@code clevertap.account-max-in-flight}: 0 when the account's limit is not shared on the broker. */
    public void setAccountSlots(int accountSlots) {
        this.accountSlots = accountSlots;
    }

    public void setErrorsUri(String errorsUri) {
        this.errorsUri = errorsUri == null ? "" : errorsUri.trim();
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
        return "JmsBroker[" + connectionUrl() + (embedded != null ? ", embedded" : "") + "]";
    }
}
