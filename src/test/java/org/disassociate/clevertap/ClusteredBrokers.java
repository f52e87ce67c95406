package org.disassociate.clevertap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.activemq.artemis.api.core.ICoreMessage;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.postoffice.Binding;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.cluster.ClusterConnection;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.utils.collections.LinkedListIterator;
import org.disassociate.clevertap.broker.JmsBroker;

/**
 * Two ActiveMQ Artemis brokers embedded in the test JVM as one cluster: each persistent (its journal in a work folder
 * of its own), listening on TCP on a free port, with a cluster-connection whose static connector is the other broker,
 * ON_DEMAND load balancing, and redistribution at once (redistribution-delay 0) to the broker that has consumers; no
 * security. The address settings are otherwise the application's embedded broker's ({@code JmsBroker}): no message is
 * ever dropped after failed deliveries. A broker can be crashed and started again on the same port and journal.
 */
final class ClusteredBrokers implements AutoCloseable {

    static final String CLUSTER = "clevertap-cluster";

    private final int[] ports;
    private final Path[] journals;
    private final EmbeddedActiveMQ[] brokers;

    private ClusteredBrokers(int count) {
        ports = new int[count];
        journals = new Path[count];
        brokers = new EmbeddedActiveMQ[count];
        for (int i = 0; i < count; i++) {
            ports[i] = Fixtures.freePort();
            journals[i] = TestFiles.newWorkFolder().resolve("broker");
        }
    }

    /** Two brokers, started, their cluster bridges connected both ways. */
    static ClusteredBrokers startTwo() throws Exception {
        ClusteredBrokers cluster = new ClusteredBrokers(2);
        try {
            cluster.start(0);
            cluster.start(1);
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Starts broker {@code i} (again): same name, port and journal; what its journal holds comes back. */
    void start(int i) throws Exception {
        if (brokers[i] != null) {
            throw new IllegalStateException("broker " + i + " is running");
        }
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration(i));
        broker.start();
        brokers[i] = broker;
        if (!broker.getActiveMQServer().isActive()) {
            throw new IllegalStateException("broker " + i + " did not become active on port " + ports[i]);
        }
    }

    private Configuration configuration(int i) throws Exception {
        Path dir = journals[i];
        Configuration config = JmsBroker.persistentConfiguration("cluster-broker-" + i, dir)
                // security is off; the bridges still present these (the same on both brokers)
                .setClusterUser("cluster")
                .setClusterPassword("cluster-of-two")
                .addAcceptorConfiguration("tcp", url(i));
        List<String> others = new ArrayList<>();
        config.addConnectorConfiguration("self", url(i));
        for (int other = 0; other < ports.length; other++) {
            if (other != i) {
                config.addConnectorConfiguration("broker-" + other, url(other));
                others.add("broker-" + other);
            }
        }
        config.addClusterConfiguration(new ClusterConnectionConfiguration()
                .setName(CLUSTER)
                .setAddress("")
                // what this broker announces to the cluster and to HA clients (their topology)
                .setConnectorName("self")
                .setStaticConnectors(others)
                .setMessageLoadBalancingType(MessageLoadBalancingType.ON_DEMAND)
                .setMaxHops(1)
                .setRetryInterval(200)
                .setReconnectAttempts(-1));
        // as the application's embedded broker, and a message goes to a broker with consumers at once
        config.addAddressSetting("#", JmsBroker.neverDropping().setRedistributionDelay(0));
        return config;
    }

    /**
     * As near a crash as in one JVM: broker {@code i} stops accepting, drops every connection (clients' and the other
     * broker's bridge) without a word, as a dead host's sockets close, and stops as on a critical journal error: no
     * disconnect, no notification, no orderly close of its sessions first. Its journal stays as it is.
     */
    void crash(int i) {
        EmbeddedActiveMQ broker = brokers[i];
        brokers[i] = null;
        ActiveMQServer server = broker.getActiveMQServer();
        server.getRemotingService().pauseAcceptors();
        for (RemotingConnection connection : server.getRemotingService().getConnections()) {
            connection.getTransportConnection().forceClose();
        }
        ((ActiveMQServerImpl) server).stop(false, true, false);
    }

    /** The client URL of broker {@code i} alone. */
    String url(int i) {
        return "tcp://127.0.0.1:" + ports[i];
    }

    int port(int i) {
        return ports[i];
    }

    boolean running(int i) {
        return brokers[i] != null;
    }

    /** Both brokers' cluster bridges are connected to the other broker. */
    boolean clustered() {
        for (EmbeddedActiveMQ broker : brokers) {
            ClusterConnection connection = broker == null ? null
                    : broker.getActiveMQServer().getClusterManager().getClusterConnection(CLUSTER);
            if (connection == null || connection.getNodes().size() != ports.length - 1) {
                return false;
            }
        }
        return true;
    }

    private Queue queue(int i, String name) {
        EmbeddedActiveMQ broker = brokers[i];
        if (broker == null) {
            throw new IllegalStateException("broker " + i + " is not running");
        }
        return broker.getActiveMQServer().locateQueue(SimpleString.of(name));
    }

    /** Messages in the queue on broker {@code i}, waiting or being delivered (0 when it does not exist there). */
    long messageCount(int i, String name) {
        Queue queue = queue(i, name);
        return queue == null ? 0 : queue.getMessageCount();
    }

    /** This broker's own consumers of the queue: clients connected to it (a cluster bridge consumes elsewhere). */
    int consumerCount(int i, String name) {
        Queue queue = queue(i, name);
        return queue == null ? 0 : queue.getConsumerCount();
    }

    /** Messages on broker {@code i} waiting to be forwarded to the other broker (its store-and-forward queues). */
    long forwarding(int i) {
        EmbeddedActiveMQ broker = brokers[i];
        if (broker == null) {
            throw new IllegalStateException("broker " + i + " is not running");
        }
        return broker.getActiveMQServer().getPostOffice().getAllBindings()
                .filter(binding -> binding.getUniqueName().toString().startsWith("$.artemis.internal.sf."))
                .map(Binding::getBindable).filter(Queue.class::isInstance)
                .mapToLong(queue -> ((Queue) queue).getMessageCount()).sum();
    }

    /** Stops delivering the queue's messages on broker {@code i} (not persisted: a restart delivers them again). */
    void pause(int i, String name) {
        queue(i, name).pause();
    }

    /** The texts of the messages in the queue on broker {@code i}. */
    List<String> texts(int i, String name) {
        List<String> texts = new ArrayList<>();
        Queue queue = queue(i, name);
        if (queue == null) {
            return texts;
        }
        try (LinkedListIterator<MessageReference> messages = queue.browserIterator()) {
            while (messages.hasNext()) {
                ICoreMessage message = messages.next().getMessage().toCore();
                SimpleString text = message.getReadOnlyBodyBuffer().readNullableSimpleString();
                if (text != null) {
                    texts.add(text.toString());
                }
            }
        }
        return texts;
    }

    @Override
    public void close() throws Exception {
        Exception failed = null;
        for (int i = 0; i < brokers.length; i++) {
            if (brokers[i] != null) {
                try {
                    brokers[i].stop();
                } catch (Exception e) {
                    failed = e;
                }
                brokers[i] = null;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
