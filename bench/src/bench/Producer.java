package bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A bulk JMS producer to the queue the service reads, {@code clevertap.disassociate}, in persistent messages and transactions. */
final class Producer {

    static final String QUEUE = "clevertap.disassociate";

    private Producer() {}

    /** One-number persistent messages, in transactions of 500; seconds it took. */
    static double numbers(int jmsPort, int messages, long first) throws Exception {
        return send(jmsPort, messages, 1, 500, first);
    }

    /** {@code numbers} numbers, {@code perMessage} a persistent message (one a line), {@code transaction} messages a transaction. */
    static double lists(int jmsPort, int numbers, int perMessage, int transaction, long first) throws Exception {
        return send(jmsPort, numbers, perMessage, transaction, first);
    }

    private static double send(int jmsPort, int numbers, int perMessage, int transaction, long first) throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + jmsPort).createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            long start = System.nanoTime();
            int messages = 0;
            for (int from = 0; from < numbers; from += perMessage) {
                String body;
                if (perMessage == 1) {
                    body = String.format("+9198%08d", first + from);
                } else {
                    StringBuilder lines = new StringBuilder();
                    for (int i = from; i < Math.min(from + perMessage, numbers); i++) {
                        lines.append(String.format("+9198%08d", first + i)).append('\n');
                    }
                    body = lines.toString();
                }
                producer.send(session.createTextMessage(body));
                if (++messages % transaction == 0) {
                    session.commit();
                }
            }
            session.commit();
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
