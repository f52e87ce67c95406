package org.disassociate.clevertap.intake.jms;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.disassociate.clevertap.broker.JmsBroker;
import org.disassociate.clevertap.durability.Spool;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.Fixtures;
import org.disassociate.clevertap.testing.QueueClient;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * The JMS intake takes no new batch while its spool holds {@code intake.jms.max-backlog} numbers its reader has not
 * taken: the messages wait in the queue, where another instance with room would take them. Here the spool hands no file
 * to its reader (a rotation an hour away), so what the first message spooled stays the backlog.
 */
class JmsBacklogTest extends ApplicationTestSupport {

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        p.setProperty("intake.jms.max-backlog", "1000");
        // one consumer: the room is looked at before each receive, and a consumer already waiting in a receive takes
        // one more batch (with several, each may)
        p.setProperty("intake.jms.concurrent-consumers", "1");
        p.setProperty("spool.rotate-ms", "3600000");
        p.setProperty("spool.segment-numbers", "1000000");
        return p;
    }

    @Test
    void aMessageWaitsInTheQueueWhileTheSpoolHoldsTheMostNumbersNotYetRead() throws Exception {
        JmsBroker broker = context.getRegistry().lookupByNameAndType("jmsBroker", JmsBroker.class);
        Spool spool = context.getRegistry().lookupByNameAndType("spool", Spool.class);
        QueueClient.sendTexts(brokerUrl(), List.of(Fixtures.numbers(1000, 42_000_000)));
        await().atMost(WAIT).until(() -> broker.messageCount(QueueClient.QUEUE) == 0 && spool.getAsLong() == 1000);

        QueueClient.sendTexts(brokerUrl(), List.of(indian(42_001_000)));

        await("the second message stays in the queue")
                .during(Duration.ofSeconds(2))
                .atMost(WAIT)
                .until(() -> broker.messageCount(QueueClient.QUEUE) == 1 && spool.getAsLong() == 1000);
    }
}
