package org.disassociate.clevertap.broker;

import java.nio.file.Path;

import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.disassociate.clevertap.model.ConfigurationException;
import org.disassociate.clevertap.testing.Fixtures;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded broker beyond loopback: only with jms.username and jms.password, and then only for that user. */
class EmbeddedBrokerSecurityTest {

    private final JmsBroker broker = new JmsBroker();
    private final int port = Fixtures.freePort();

    private void configure(String host, String username, String password) {
        Path work = TestFiles.newWorkFolder();
        broker.setEmbeddedHost(host);
        broker.setEmbeddedPort(port);
        broker.setEmbeddedDataDir(work.resolve("broker").toString());
        broker.setUsername(username);
        broker.setPassword(password);
    }

    @AfterEach
    void stop() throws Exception {
        broker.stop();
    }

    @Test
    void beyondLoopbackWithoutAUserAndPasswordTheStartIsRefused() {
        configure("0.0.0.0", "", "");

        ConfigurationException refused = assertThrows(ConfigurationException.class, broker::start);
        assertEquals(
                "jms.embedded.host (JMS_EMBEDDED_HOST) is 0.0.0.0, beyond this machine: the embedded broker then takes"
                        + " only clients with jms.username (JMS_USERNAME) and jms.password (JMS_PASSWORD); set both",
                refused.getMessage());
    }

    @Test
    void withAUserOnlyThatUserGetsIn() throws Exception {
        configure("0.0.0.0", "ct-client", "s3cret-broker-pass");
        broker.start();
        String url = "tcp://127.0.0.1:" + port;

        assertThrows(
                JMSSecurityException.class,
                () -> new ActiveMQConnectionFactory(url).createConnection().close(),
                "a client without credentials");
        assertThrows(
                JMSSecurityException.class,
                () -> new ActiveMQConnectionFactory(url, "ct-client", "wrong")
                        .createConnection()
                        .close());
        try (Connection connection =
                new ActiveMQConnectionFactory(url, "ct-client", "s3cret-broker-pass").createConnection()) {
            connection.start();
            assertTrue(connection.createSession().createQueue("clevertap.disassociate") != null);
        }
    }
}
