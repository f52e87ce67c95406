package org.disassociate.clevertap.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** errors.uri on the broker: the error channel as a queue instead of files. */
class JmsErrorChannelTest extends ApplicationTestSupport {

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        p.setProperty("errors.uri", "jms:queue:clevertap.disassociate.errors");
        return p;
    }

    @Test
    void errorRecordsArriveOnTheErrorQueueAsJsonLines() throws Exception {
        drop("some-bad.txt", "+919812345601\nnot-a-number\n+919812345699\n");
        awaitDone("some-bad.txt");

        List<JsonNode> records = new ArrayList<>();
        try (Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + jmsPort).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("clevertap.disassociate.errors"));
            while (records.size() < 2) {
                TextMessage message = (TextMessage) consumer.receive(WAIT.toMillis());
                assertNotNull(message, "an error record on the queue");
                for (String line : message.getText().lines().toList()) {
                    records.add(CleverTapStandIn.MAPPER.readTree(line));
                }
            }
        }
        assertEquals(
                List.of("not-a-number", "+919812345699"),
                records.stream()
                        .map(r -> r.path("record").path("value").asText())
                        .toList());
        assertEquals(523, records.get(1).path("code").asInt());
        assertEquals(List.of(), errors(), "nothing in files");
    }
}
