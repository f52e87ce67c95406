package org.disassociate.clevertap.testing;

import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A plain JMS client of the intake's queue, as another program on the broker is. */
public final class QueueClient {

    public static final String QUEUE = "clevertap.disassociate";

    /** Makes one message from the client's session. */
    @FunctionalInterface
    public interface MessageMaker {
        Message make(Session session) throws Exception;
    }

    private QueueClient() {}

    /** Sends each text as a text message to the intake's queue. */
    public static void sendTexts(String brokerUrl, List<String> texts) throws Exception {
        send(
                brokerUrl,
                texts.stream()
                        .<MessageMaker>map(text -> session -> session.createTextMessage(text))
                        .toList());
    }

    /** Sends each text as a text message, all in one transaction: they reach the queue together, at its commit. */
    public static void sendTextsInOneTransaction(String brokerUrl, List<String> texts) throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory(brokerUrl).createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            for (String text : texts) {
                producer.send(session.createTextMessage(text));
            }
            session.commit();
        }
    }

    /** Sends the messages, in order, to the intake's queue. */
    public static void send(String brokerUrl, List<MessageMaker> messages) throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory(brokerUrl).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            for (MessageMaker message : messages) {
                producer.send(message.make(session));
            }
        }
    }
}
