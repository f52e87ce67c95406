package org.disassociate.clevertap.broker;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Artemis' JMS client (artemis-jakarta-client, an optional dependency of this module): the only class outside
 * {@link EmbeddedBroker} that names its types. {@link JmsBroker} reaches it only when the client is on the class path,
 * so that a host application without JMS gets neither the client nor, through it, its runtime's Artemis
 * auto-configuration (Spring Boot's switches on at the sight of {@code ActiveMQConnectionFactory}).
 */
final class ArtemisClient {

    private ArtemisClient() {}

    static ConnectionFactory connectionFactory(String url, String username, String password) {
        return create(url, username, password);
    }

    /** The connection factory of the account's shared slots: tokens are messages, held one by one. */
    static ConnectionFactory slotsConnectionFactory(String url, String username, String password) {
        ActiveMQConnectionFactory factory = create(url, username, password);
        // no client prefetches a token: a token is only ever with the request that holds it
        factory.setConsumerWindowSize(0);
        // a lost broker is noticed at once (the sends fall back to the local limit) rather than waited out
        factory.setReconnectAttempts(0);
        // a call the broker does not answer fails after this long
        factory.setCallTimeout(5000);
        return factory;
    }

    private static ActiveMQConnectionFactory create(String url, String username, String password) {
        return username == null || username.isBlank()
                ? new ActiveMQConnectionFactory(url)
                : new ActiveMQConnectionFactory(url, username, password);
    }
}
