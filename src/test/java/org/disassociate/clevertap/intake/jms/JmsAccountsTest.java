package org.disassociate.clevertap.intake.jms;

import java.util.List;
import java.util.Properties;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.disassociate.clevertap.broker.JmsBroker;
import org.disassociate.clevertap.testing.QueueClient;
import org.disassociate.clevertap.testing.TestFiles;
import org.disassociate.clevertap.testing.TwoAccountsTestSupport;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A JMS message's header {@code CleverTapAccount} (an account's name or account id) names the account of all its
 * numbers, whatever their country; one that names no configured account goes to the error channel, and the other
 * messages of its batch go on. Two accounts, each with its stand-in ({@link TwoAccountsTestSupport}).
 */
class JmsAccountsTest extends TwoAccountsTestSupport {

    @Override
    protected Properties overrides() {
        Properties p = super.overrides();
        // one session: messages sent in one transaction are taken in one batch (as a rule), of several accounts
        p.setProperty("intake.jms.concurrent-consumers", "1");
        return p;
    }

    @Test
    void eachMessageGoesToTheAccountItsHeaderNamesByNameOrIdAndOneWithoutGoesByCountry() throws Exception {
        sendInOneTransaction(
                message(indian(1) + "\n" + indian(2), SEA),
                message(TestFiles.disassociateBody(List.of(indian(3))), SEA_ID),
                message(indian(4) + "\n" + singaporean(5), null),
                message(singaporean(6), "default"));

        await().atMost(WAIT)
                .until(() -> seaStandIn.allValues().size() == 4
                        && standIn.allValues().size() == 2);
        assertEquals(
                List.of(singaporean(5), indian(1), indian(2), indian(3)),
                sorted(seaStandIn.allValues()),
                "by sea's name, by its account id, and a Singapore number of a message naming none");
        assertEquals(
                List.of(singaporean(6), indian(4)),
                sorted(standIn.allValues()),
                "an Indian number of a message naming none, and a Singapore number of one naming the default account");
    }

    @Test
    void aMessageNamingNoConfiguredAccountGoesToTheErrorChannelAndTheOthersGoOn() throws Exception {
        sendInOneTransaction(
                message(indian(10), SEA), message(indian(11) + "\n" + indian(12), "europe"), message(indian(13), null));

        await().atMost(WAIT).until(() -> !errors().isEmpty());
        var refused = errors();
        assertEquals(1, refused.size(), refused.toString());
        assertEquals(
                "CleverTapAccount 'europe' names no account of this service (give an account's name or account id)",
                refused.get(0).path("error").asText());
        assertEquals(
                indian(11) + "\n" + indian(12),
                refused.get(0).path("record").path("value").asText(),
                "the message's body, as with a message that is not a list of numbers");
        assertEquals("jms", refused.get(0).path("source").asText());

        await().atMost(WAIT)
                .until(() -> seaStandIn.allValues().size() == 1
                        && standIn.allValues().size() == 1);
        JmsBroker broker = context.getRegistry().lookupByNameAndType("jmsBroker", JmsBroker.class);
        await().atMost(WAIT)
                .until(() ->
                        broker.messageCount(QueueClient.QUEUE) == 0 && spooled().isEmpty());
        assertEquals(List.of(indian(10)), seaStandIn.allValues());
        assertEquals(List.of(indian(13)), standIn.allValues(), "committed: none of the refused message's numbers");
    }

    /** A text message with {@code CleverTapAccount} set to {@code account} (none when null). */
    private static QueueClient.MessageMaker message(String text, String account) {
        return session -> {
            Message message = session.createTextMessage(text);
            if (account != null) {
                message.setStringProperty("CleverTapAccount", account);
            }
            return message;
        };
    }

    /** The messages reach the queue together, at one commit. */
    private void sendInOneTransaction(QueueClient.MessageMaker... messages) throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory(brokerUrl()).createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(QueueClient.QUEUE));
            for (QueueClient.MessageMaker message : messages) {
                producer.send(message.make(session));
            }
            session.commit();
        }
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}
