package org.disassociate.clevertap.broker;

import java.util.List;
import java.util.Properties;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.Fixtures;
import org.disassociate.clevertap.testing.QueueClient;
import org.disassociate.clevertap.testing.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An external Artemis broker reached over TLS: jms.broker-url with sslEnabled=true and a trust store for the broker's
 * certificate. The JMS intake takes a message sent to it over TLS; a plain-TCP client gets nowhere.
 */
class BrokerTlsTest extends ApplicationTestSupport {

    private static final TestCertificates CERTIFICATES = TestCertificates.make();
    private static final int TLS_PORT = Fixtures.freePort();
    private static final EmbeddedActiveMQ BROKER = startTlsBroker();

    private static EmbeddedActiveMQ startTlsBroker() {
        try {
            String acceptor = "tcp://127.0.0.1:" + TLS_PORT + "?sslEnabled=true&keyStorePath=" + CERTIFICATES.keyStore
                    + "&keyStorePassword=" + TestCertificates.PASSWORD + "&keyStoreType=PKCS12";
            EmbeddedActiveMQ broker = new EmbeddedActiveMQ()
                    .setConfiguration(new ConfigurationImpl()
                            .setName("tls-broker")
                            .setPersistenceEnabled(false)
                            .setSecurityEnabled(false)
                            .addAcceptorConfiguration("tls", acceptor));
            broker.start();
            return broker;
        } catch (Exception e) {
            throw new IllegalStateException("the test's TLS broker did not start", e);
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        BROKER.stop();
    }

    private static String tlsUrl() {
        return "tcp://localhost:" + TLS_PORT + "?sslEnabled=true&verifyHost=true&trustStorePath="
                + CERTIFICATES.trustStore + "&trustStorePassword=" + TestCertificates.PASSWORD
                + "&trustStoreType=PKCS12";
    }

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        p.setProperty("jms.broker-url", tlsUrl());
        return p;
    }

    @Test
    void aMessageSentOverTlsIsTakenByTheIntakeOverTls() throws Exception {
        QueueClient.sendTexts(tlsUrl(), List.of(indian(95_000)));

        await().atMost(WAIT).until(() -> standIn.delivered().contains(indian(95_000)));
        assertThrows(
                Exception.class,
                () -> QueueClient.sendTexts(
                        "tcp://localhost:" + TLS_PORT + "?callTimeout=3000" + "&initialConnectAttempts=1",
                        List.of(indian(95_001))),
                "a plain-TCP client on the TLS acceptor");
    }
}
