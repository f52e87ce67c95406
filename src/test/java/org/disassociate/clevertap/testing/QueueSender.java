package org.disassociate.clevertap.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Sends one text message to a queue, for trying the JMS intake from the command line without an Artemis installation.
 * A tool, not part of the service (it ends with {@link System#exit} on a wrong call), so it lives with the tests, which
 * use it as a plain JMS client; run from the project root as a source file, with the runnable jar's Artemis client:
 * <pre>
 * java -cp target/clevertap-disassociate.jar src/test/java/org/disassociate/clevertap/testing/QueueSender.java '+919812345601'
 * java -cp target/clevertap-disassociate.jar src/test/java/org/disassociate/clevertap/testing/QueueSender.java @numbers.txt tcp://broker:61616 my.queue
 * </pre>
 * The body is the first argument, or the content of the file named after {@code @}; then the broker URL (default the
 * embedded broker's, {@code tcp://127.0.0.1:61616}) and the queue (default {@code clevertap.disassociate}).
 */
public final class QueueSender {

    private QueueSender() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: QueueSender <text | @file> [broker-url] [queue]");
            System.exit(2);
        }
        String body = args[0].startsWith("@") ? Files.readString(Path.of(args[0].substring(1))) : args[0];
        String url = args.length > 1 ? args[1] : "tcp://127.0.0.1:61616";
        String queue = args.length > 2 ? args[2] : "clevertap.disassociate";
        try (Connection connection = new ActiveMQConnectionFactory(url).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage(body));
        }
        System.out.println("sent " + body.length() + " characters to " + queue + " at " + url);
    }
}
