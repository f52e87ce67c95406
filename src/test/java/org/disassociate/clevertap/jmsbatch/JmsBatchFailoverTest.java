package org.disassociate.clevertap.jmsbatch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.client.impl.ClientSessionInternal;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A transacted session that Artemis made rollback-only (it does so when a session fails over to another broker, or to
 * the same one restarted, with work since its last commit; an idle receive counts) must not pass a batch to the route:
 * its commit would fail after the numbers were spooled, and the broker would deliver the batch again.
 */
class JmsBatchFailoverTest {

    static final String QUEUE = "numbers";
    EmbeddedActiveMQ broker;

    @BeforeEach
    void startBroker() throws Exception {
        broker = new EmbeddedActiveMQ()
                .setConfiguration(new ConfigurationImpl()
                        .setPersistenceEnabled(false)
                        .setSecurityEnabled(false)
                        .setJMXManagementEnabled(false)
                        .addAcceptorConfiguration("in-vm", "vm://31"));
        broker.start();
    }

    @AfterEach
    void stopBroker() throws Exception {
        broker.stop();
    }

    long messagesOnTheQueue() {
        var queue = broker.getActiveMQServer().locateQueue(SimpleString.of(QUEUE));
        return queue == null ? -1 : queue.getMessageCount();
    }

    @Test
    void aSessionMadeRollbackOnlyPassesItsNextMessageToTheRouteOnceNotTwice() throws Exception {
        List<Session> sessions = Collections.synchronizedList(new ArrayList<>());
        List<Object> delivered = Collections.synchronizedList(new ArrayList<>());
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://31");
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            // the component alone: the application's module (found on the class path by every context) stays out
            context.getPropertiesComponent().addOverrideProperty("clevertap.module.enabled", "false");
            context.getRegistry().bind("connectionFactory", sessionsOf(factory, sessions));
            context.addComponent("jms-batch", new JmsBatchComponent());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("jms-batch:" + QUEUE + "?connectionFactory=#connectionFactory")
                            .process(exchange -> {
                                for (Object message : exchange.getIn().getBody(List.class)) {
                                    delivered.add(((ReceivedMessage) message).body());
                                }
                            });
                }
            });
            context.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> !sessions.isEmpty() && messagesOnTheQueue() == 0);

            // what a failover does to the consumer's session while it waits in a receive
            ((ClientSessionInternal) ((ActiveMQSession) sessions.get(0)).getCoreSession()).markRollbackOnly();
            try (Connection connection = factory.createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                session.createProducer(session.createQueue(QUEUE)).send(session.createTextMessage("+919800000001"));
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> !delivered.isEmpty() && messagesOnTheQueue() == 0);
            assertEquals(List.of("+919800000001"), delivered, "the message reached the route once, and was committed");
        }
        factory.close();
    }

    /** The factory, keeping each session its connections create. */
    static ConnectionFactory sessionsOf(ConnectionFactory factory, List<Session> sessions) {
        return (ConnectionFactory) Proxy.newProxyInstance(
                ConnectionFactory.class.getClassLoader(),
                new Class<?>[] {ConnectionFactory.class},
                (proxy, method, args) -> {
                    Object result = invoke(factory, method, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(
                                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                                    Object created = invoke(connection, m, a);
                                    if (created instanceof Session session) {
                                        sessions.add(session);
                                    }
                                    return created;
                                });
                    }
                    return result;
                });
    }

    static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
