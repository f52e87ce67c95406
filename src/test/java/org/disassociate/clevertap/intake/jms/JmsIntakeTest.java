package org.disassociate.clevertap.intake.jms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.jms.BytesMessage;
import org.apache.camel.builder.NotifyBuilder;
import org.disassociate.clevertap.broker.JmsBroker;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.QueueClient;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JMS intake on the embedded Artemis broker (no jms.broker-url), fed over TCP by a plain JMS client, as another
 * program would.
 */
class JmsIntakeTest extends ApplicationTestSupport {

    @Test
    void fiveThousandNumbersAsSingleMultiLineAndJsonMessagesArriveInBatchesOfAtMost1000() throws Exception {
        Set<String> sent = new HashSet<>();
        List<QueueClient.MessageMaker> messages = new ArrayList<>();
        long next = 40_000_000;
        for (int m = 0; sent.size() < 5000; m++) {
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < (m % 3 == 0 ? 1 : 25) && sent.size() + numbers.size() < 5000; i++) {
                numbers.add(indian(next++));
            }
            sent.addAll(numbers);
            switch (m % 3) {
                case 0 -> messages.add(session -> session.createTextMessage(numbers.get(0)));
                case 1 -> messages.add(session -> session.createTextMessage(String.join("\n", numbers) + "\n"));
                default ->
                    messages.add(session -> {
                        BytesMessage bytes = session.createBytesMessage();
                        bytes.writeBytes(TestFiles.disassociateBody(numbers).getBytes(StandardCharsets.UTF_8));
                        return bytes;
                    });
            }
        }
        messages.add(session -> session.createTextMessage("{\"d\": [unclosed"));
        QueueClient.send(brokerUrl(), messages);

        // numbers ending in 99 are refused by CleverTap's stand-in (523): they reach it, and the error channel
        await().atMost(WAIT).until(() -> new HashSet<>(standIn.allValues()).containsAll(sent));
        assertEquals(5000, sent.size());
        assertTrue(standIn.batches().stream().allMatch(batch -> batch.size() <= 1000), "no request over 1000");
        await().atMost(WAIT)
                .until(() ->
                        errors().stream().anyMatch(e -> e.path("error").asText().startsWith("not a list of numbers")));
        var poison = errors().stream()
                .filter(e -> e.path("error").asText().startsWith("not a list of numbers"))
                .toList();
        assertEquals(1, poison.size(), "the poison message once, not redelivered: " + poison);
        assertEquals(
                "{\"d\": [unclosed", poison.get(0).path("record").path("value").asText());
        assertEquals("jms", poison.get(0).path("source").asText());
        JmsBroker broker = context.getRegistry().lookupByNameAndType("jmsBroker", JmsBroker.class);
        await().atMost(WAIT).until(() -> broker.messageCount(QueueClient.QUEUE) == 0);
    }

    @Test
    void aThousandWaitingMessagesAreTakenInAFewTransactions() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (long n = 41_000_000; n < 41_001_000; n++) {
            numbers.add(indian(n));
        }
        NotifyBuilder moreThan20 =
                new NotifyBuilder(context).fromRoute("intake-jms").whenDone(21).create();
        QueueClient.sendTextsInOneTransaction(brokerUrl(), numbers);

        await().atMost(WAIT).until(() -> new HashSet<>(standIn.allValues()).containsAll(numbers));
        JmsBroker broker = context.getRegistry().lookupByNameAndType("jmsBroker", JmsBroker.class);
        await().atMost(WAIT).until(() -> broker.messageCount(QueueClient.QUEUE) == 0);
        // intake.jms.batch-size 500: a message a transaction would be 1,000 exchanges (and journal syncs, and spool
        // fsyncs)
        assertFalse(moreThan20.matches(), "1,000 messages taken in at most 20 transactions");
    }
}
