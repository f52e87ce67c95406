package org.disassociate.clevertap.broker;

import java.nio.file.Path;
import java.util.Set;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnector;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/**
 * The embedded ActiveMQ Artemis broker itself: the only class that touches Artemis' server classes. They come with
 * {@code artemis-server}, which the runnable jar has and a host application need not (it is an optional dependency):
 * {@link JmsBroker}, a bean every set-up creates, reaches this class only when the embedded broker starts. Camel binds a
 * bean's properties by reflecting on all of its class's methods, so a server class in any of {@link JmsBroker}'s
 * signatures would fail every host without {@code artemis-server}.
 */
public final class EmbeddedBroker {

    private static final String CLIENT_ROLE = "clevertap-disassociate";

    private EmbeddedActiveMQ embedded;

    void start(Path dir, String acceptor, String inVm, boolean secured, String username, String password)
            throws Exception {
        Configuration config = persistentConfiguration("clevertap-disassociate", dir)
                .setSecurityEnabled(secured)
                .addAcceptorConfiguration("tcp", acceptor)
                // this process's own endpoints connect in-VM: no TCP, no encoding on a socket (the intake's CPU)
                .addAcceptorConfiguration("invm", inVm);
        config.addAddressSetting("#", neverDropping());
        embedded = new EmbeddedActiveMQ().setConfiguration(config);
        if (secured) {
            // one user, jms.username, who may do everything on every address; nobody else gets in
            SecurityConfiguration users = new SecurityConfiguration();
            users.addUser(username, password);
            users.addRole(username, CLIENT_ROLE);
            config.putSecurityRoles(
                    "#", Set.of(new Role(CLIENT_ROLE, true, true, true, true, true, true, true, true, true, true)));
            embedded.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        }
        embedded.start();
    }

    /**
     * Artemis logs a failed bind but comes up all the same, unreachable. Its acceptor says it is started even then
     * (Artemis 2.44's NettyAcceptor.isStarted() only says it was configured); the server does not say it is active.
     */
    boolean listening() {
        var tcp = embedded.getActiveMQServer().getRemotingService().getAcceptor("tcp");
        return tcp != null && tcp.isStarted() && embedded.getActiveMQServer().isActive();
    }

    void stop() throws Exception {
        if (embedded != null) {
            embedded.stop();
            embedded = null;
            // the in-VM connector's threads are not daemons and idle 60 s: left alone they keep the JVM alive that long
            // after the stop (a --once run exited a minute late)
            InVMConnector.resetThreadPool();
        }
    }

    long messageCount(String queue) {
        var found = embedded.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getMessageCount();
    }

    /** A persistent broker's configuration with its journal and the rest under {@code dir}; security off. */
    public static Configuration persistentConfiguration(String name, Path dir) {
        return new ConfigurationImpl()
                .setName(name)
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
                .setMaxDiskUsage(100);
    }

    /**
     * Every address: created on first use, and a message whose processing failed is redelivered with back-off, never
     * dropped nor dead-lettered for its attempts.
     */
    public static AddressSettings neverDropping() {
        return new AddressSettings()
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true)
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(60_000)
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue"));
    }
}
