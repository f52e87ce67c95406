package org.disassociate.clevertap.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.api.core.ICoreMessage;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.postoffice.Binding;
import org.apache.activemq.artemis.core.postoffice.impl.LocalQueueBinding;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Consumer;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.cluster.Bridge;
import org.apache.activemq.artemis.core.server.cluster.ClusterConnection;
import org.apache.activemq.artemis.core.server.cluster.RemoteQueueBinding;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.utils.collections.LinkedListIterator;
import org.disassociate.clevertap.broker.EmbeddedBroker;

/**
 * Two ActiveMQ Artemis brokers embedded in the test JVM as one cluster: each persistent (its journal in a work folder
 * of its own), listening on TCP on a free port, with a cluster-connection whose static connector is the other broker,
 * ON_DEMAND load balancing, and redistribution at once (redistribution-delay 0) to the broker that has consumers; no
 * security. The address settings are otherwise the application's embedded broker's ({@code JmsBroker}): no message is
 * ever dropped after failed deliveries. A broker can be crashed and started again on the same port and journal.
 */
public final class ClusteredBrokers implements AutoCloseable {

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
    public static ClusteredBrokers startTwo() throws Exception {
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
    public void start(int i) throws Exception {
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
        Configuration config = EmbeddedBroker.persistentConfiguration("cluster-broker-" + i, dir)
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
        config.addAddressSetting("#", EmbeddedBroker.neverDropping().setRedistributionDelay(0));
        return config;
    }

    /**
     * As near a crash as in one JVM: broker {@code i} stops accepting, drops every connection (clients' and the other
     * broker's bridge) without a word, as a dead host's sockets close, and stops as on a critical journal error: no
     * disconnect, no notification, no orderly close of its sessions first. Its journal stays as it is.
     */
    public void crash(int i) {
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
    public String url(int i) {
        return "tcp://127.0.0.1:" + ports[i];
    }

    int port(int i) {
        return ports[i];
    }

    boolean running(int i) {
        return brokers[i] != null;
    }

    /** Both brokers' cluster bridges are connected to the other broker. */
    public boolean clustered() {
        for (EmbeddedActiveMQ broker : brokers) {
            ClusterConnection connection = broker == null
                    ? null
                    : broker.getActiveMQServer().getClusterManager().getClusterConnection(CLUSTER);
            if (connection == null || connection.getNodes().size() != ports.length - 1) {
                return false;
            }
        }
        return true;
    }

    private Queue queue(int i, String name) {
        return server(i).locateQueue(SimpleString.of(name));
    }

    /** Messages in the queue on broker {@code i}, waiting or being delivered (0 when it does not exist there). */
    public long messageCount(int i, String name) {
        Queue queue = queue(i, name);
        return queue == null ? 0 : queue.getMessageCount();
    }

    /** This broker's own consumers of the queue: clients connected to it (a cluster bridge consumes elsewhere). */
    public int consumerCount(int i, String name) {
        Queue queue = queue(i, name);
        return queue == null ? 0 : queue.getConsumerCount();
    }

    /** Messages on broker {@code i} waiting to be forwarded to the other broker (its store-and-forward queues). */
    public long forwarding(int i) {
        return server(i)
                .getPostOffice()
                .getAllBindings()
                .filter(binding -> binding.getUniqueName().toString().startsWith("$.artemis.internal.sf."))
                .map(Binding::getBindable)
                .filter(Queue.class::isInstance)
                .mapToLong(queue -> ((Queue) queue).getMessageCount())
                .sum();
    }

    /**
     * Messages of the queue on broker {@code i} that it holds back until a time of their own: after a rollback, for
     * the redelivery delay (or sent for a later delivery). Counted in {@link #messageCount} too.
     */
    public long scheduledCount(int i, String name) {
        Queue queue = queue(i, name);
        return queue == null ? 0 : queue.getScheduledCount();
    }

    /** A message held back by a broker: how often it has been delivered, and its text's lines. */
    public record HeldBack(long messageId, int deliveryCount, List<String> lines) {}

    /** The messages of the queue on broker {@code i} that it holds back ({@link #scheduledCount}). */
    public List<HeldBack> heldBack(int i, String name) {
        List<HeldBack> held = new ArrayList<>();
        Queue queue = queue(i, name);
        if (queue != null) {
            for (MessageReference reference : queue.getScheduledMessages()) {
                held.add(new HeldBack(
                        reference.getMessage().getMessageID(),
                        reference.getDeliveryCount(),
                        text(reference).lines().toList()));
            }
        }
        return held;
    }

    /**
     * How long broker {@code i} holds back, in all, a message of the queue that is rolled back {@code rollbacks}
     * times in a row before it is taken: Artemis waits the address settings' redelivery delay before its second
     * delivery, that delay times the multiplier before the third, and so on, each wait at most the maximum
     * redelivery delay (no collision avoidance is set here, which would vary each wait).
     */
    public Duration redeliveryBackOff(int i, String name, int rollbacks) {
        AddressSettings settings = server(i).getAddressSettingsRepository().getMatch(name);
        long total = 0;
        for (int delivered = 1; delivered <= rollbacks; delivered++) {
            long wait = (long)
                    (settings.getRedeliveryDelay() * Math.pow(settings.getRedeliveryMultiplier(), delivered - 1));
            total += Math.min(wait, settings.getMaxRedeliveryDelay());
        }
        return Duration.ofMillis(total);
    }

    private ActiveMQServer server(int i) {
        EmbeddedActiveMQ broker = brokers[i];
        if (broker == null) {
            throw new IllegalStateException("broker " + i + " is not running");
        }
        return broker.getActiveMQServer();
    }

    /** Stops delivering the queue's messages on broker {@code i} (not persisted: a restart delivers them again). */
    public void pause(int i, String name) {
        queue(i, name).pause();
    }

    /** The texts of the messages in the queue on broker {@code i}. */
    public List<String> texts(int i, String name) {
        List<String> texts = new ArrayList<>();
        Queue queue = queue(i, name);
        if (queue == null) {
            return texts;
        }
        try (LinkedListIterator<MessageReference> messages = queue.browserIterator()) {
            while (messages.hasNext()) {
                String text = text(messages.next());
                if (!text.isEmpty()) {
                    texts.add(text);
                }
            }
        }
        return texts;
    }

    /** The text of a text message; empty for another kind. */
    private static String text(MessageReference reference) {
        try {
            SimpleString text =
                    reference.getMessage().toCore().getReadOnlyBodyBuffer().readNullableSimpleString();
            return text == null ? "" : text.toString();
        } catch (RuntimeException notText) {
            return "";
        }
    }

    /**
     * What broker {@code i} holds, for a failure's message: the queue {@code name}, each store-and-forward queue and
     * any other queue that holds messages, with its counts (messages, delivering, scheduled, consumers), its consumers
     * (a client's with its connection, still open or not), the messages being delivered (to whom), those waiting and
     * those held back; each remote binding (the other broker's queue) with the consumers it is known to have; each
     * cluster bridge. A message is shown by its id, delivery count, first line and how many of its lines are in
     * {@code delivered}.
     */
    public String describe(int i, String name, Set<String> delivered) {
        String label = "broker " + (char) ('A' + i);
        EmbeddedActiveMQ broker = brokers[i];
        if (broker == null) {
            return label + ": down\n";
        }
        ActiveMQServer server = broker.getActiveMQServer();
        StringBuilder out = new StringBuilder(label)
                .append(" (node ")
                .append(server.getNodeID())
                .append("):\n");
        server.getPostOffice().getAllBindings().forEach(binding -> {
            String bindingName = binding.getUniqueName().toString();
            if (binding instanceof LocalQueueBinding local) {
                Queue queue = local.getQueue();
                boolean sf = bindingName.startsWith("$.artemis.internal.sf.");
                if (!sf && !bindingName.equals(name) && queue.getMessageCount() == 0) {
                    return;
                }
                out.append("  queue ")
                        .append(bindingName)
                        .append(": messages ")
                        .append(queue.getMessageCount())
                        .append(", delivering ")
                        .append(queue.getDeliveringCount())
                        .append(", scheduled ")
                        .append(queue.getScheduledCount())
                        .append(", consumers ")
                        .append(queue.getConsumerCount())
                        .append(queue.isPaused() ? ", paused" : "")
                        .append(", added ")
                        .append(queue.getMessagesAdded())
                        .append(", acknowledged ")
                        .append(queue.getMessagesAcknowledged())
                        .append('\n');
                for (Consumer consumer : queue.getConsumers()) {
                    out.append("    consumer ")
                            .append(consumer(server, consumer))
                            .append('\n');
                }
                for (Map.Entry<String, List<MessageReference>> held :
                        queue.getDeliveringMessages().entrySet()) {
                    out.append("    delivering to ").append(held.getKey()).append(":\n");
                    describeMessages(held.getValue(), delivered, out);
                }
                List<MessageReference> waiting = new ArrayList<>();
                try (LinkedListIterator<MessageReference> messages = queue.browserIterator()) {
                    while (messages.hasNext() && waiting.size() < 20) {
                        waiting.add(messages.next());
                    }
                }
                if (!waiting.isEmpty()) {
                    out.append("    waiting (the first 20 at most):\n");
                    describeMessages(waiting, delivered, out);
                }
                if (queue.getScheduledCount() > 0) {
                    out.append("    scheduled:\n");
                    describeMessages(queue.getScheduledMessages(), delivered, out);
                }
            } else if (binding instanceof RemoteQueueBinding remote) {
                out.append("  remote binding ")
                        .append(bindingName)
                        .append(": ")
                        .append(remote.isConnected() ? "connected" : "disconnected")
                        .append(", consumers ")
                        .append(remote.consumerCount())
                        .append('\n');
            }
        });
        ClusterConnection cluster = server.getClusterManager().getClusterConnection(CLUSTER);
        if (cluster != null) {
            out.append("  cluster nodes ").append(cluster.getNodes()).append('\n');
            for (Bridge bridge : cluster.getBridges()) {
                out.append("  bridge ")
                        .append(bridge.getName())
                        .append(": ")
                        .append(bridge.isConnected() ? "connected" : "not connected")
                        .append(", its queue's messages ")
                        .append(bridge.getQueue().getMessageCount())
                        .append(", sent ")
                        .append(bridge.getMetrics().getMessagesPendingAcknowledgement())
                        .append(", acknowledged by the other ")
                        .append(bridge.getMetrics().getMessagesAcknowledged())
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String consumer(ActiveMQServer server, Consumer consumer) {
        if (consumer instanceof ServerConsumer client) {
            RemotingConnection connection = server.getRemotingService().getConnection(client.getConnectionID());
            return "client " + client.getID() + " of session " + client.getSessionID() + " on connection "
                    + client.getConnectionID()
                    + (connection == null
                            ? " (no longer open)"
                            : " from " + connection.getRemoteAddress()
                                    + (connection.isDestroyed() ? " (destroyed)" : ""));
        }
        return consumer.toManagementString();
    }

    private static void describeMessages(
            Collection<MessageReference> references, Set<String> delivered, StringBuilder out) {
        for (MessageReference reference : references) {
            ICoreMessage message = reference.getMessage().toCore();
            List<String> lines = text(reference).lines().toList();
            long deliveredLines = lines.stream().filter(delivered::contains).count();
            out.append("      message ")
                    .append(message.getMessageID())
                    .append(" (delivery count ")
                    .append(reference.getDeliveryCount())
                    .append(", durable ")
                    .append(message.isDurable())
                    .append(", duplicate id ")
                    .append(message.getDuplicateProperty())
                    .append(", properties ")
                    .append(message.getPropertyNames())
                    .append(
                            reference.getScheduledDeliveryTime() > 0
                                    ? ", due in " + (reference.getScheduledDeliveryTime() - System.currentTimeMillis())
                                            + " ms"
                                    : "")
                    .append("): ")
                    .append(lines.isEmpty() ? "(no text)" : lines.get(0))
                    .append(", ")
                    .append(lines.size())
                    .append(" lines, ")
                    .append(deliveredLines)
                    .append(" of them delivered\n");
        }
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
