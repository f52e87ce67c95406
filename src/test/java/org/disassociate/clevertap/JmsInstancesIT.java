package org.disassociate.clevertap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.disassociate.clevertap.broker.JmsBroker;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.Fixtures;
import org.disassociate.clevertap.testing.ForkedApplication;
import org.disassociate.clevertap.testing.QueueClient;
import org.disassociate.clevertap.testing.QueueSender;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.disassociate.clevertap.testing.ForkedApplication.LONG_WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real application in JVMs of its own, on a broker of its own or on one shared by two instances. */
class JmsInstancesIT {

    @RegisterExtension
    static final CleverTapStandIn standIn = new CleverTapStandIn();

    static Process instance(Path work, Map<String, String> env) throws Exception {
        Map<String, String> all = new HashMap<>(standIn.environment(Map.of("CLEVERTAP_BATCH_TIMEOUT_MS", "300")));
        all.putAll(env);
        return ForkedApplication.builder(work, all).start();
    }

    static void awaitConsuming(Path work) {
        await().atMost(LONG_WAIT)
                .until(() -> Files.readString(work.resolve("output.log")).contains("Started intake-jms"));
    }

    @Test
    void twoInstancesOnOneBrokerShareTheQueueAndDeliverEveryNumberOnce() throws Exception {
        Path brokerWork = TestFiles.newWorkFolder();
        JmsBroker broker = new JmsBroker();
        broker.setEmbeddedPort(Fixtures.freePort());
        broker.setEmbeddedDataDir(brokerWork.resolve("broker").toString());
        broker.start();
        Path first = TestFiles.newWorkFolder();
        Path second = TestFiles.newWorkFolder();
        Map<String, String> onTheBroker = Map.of("JMS_BROKER_URL", broker.connectionUrl());
        Process one = instance(first, onTheBroker);
        Process two = instance(second, onTheBroker);
        try {
            List<String> numbers = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            for (int m = 0; m < 400; m++) {
                StringBuilder body = new StringBuilder();
                for (int i = 0; i < 50; i++) {
                    String number = Fixtures.indian(50_000_000L + m * 50L + i);
                    numbers.add(number);
                    body.append(number).append('\n');
                }
                messages.add(body.toString());
            }

            awaitConsuming(first);
            awaitConsuming(second);

            QueueClient.sendTexts(broker.connectionUrl(), messages);

            await().atMost(LONG_WAIT).until(() -> standIn.allValues().size() >= numbers.size());
            assertEquals(20_000, numbers.size());
            List<String> sent = new ArrayList<>(standIn.allValues());
            sent.sort(null);
            assertEquals(numbers, sent, "every number once: none lost, none sent twice");
            assertTrue(standIn.batches().stream().allMatch(batch -> batch.size() <= 1000));
            await().atMost(LONG_WAIT).until(() -> broker.messageCount(QueueClient.QUEUE) == 0);
        } finally {
            try {
                ForkedApplication.stopAll(List.of(one, two));
            } finally {
                broker.stop();
            }
        }
        assertTrue(
                Files.readString(first.resolve("output.log")).contains("Done jms"), "the first instance took messages");
        assertTrue(
                Files.readString(second.resolve("output.log")).contains("Done jms"),
                "the second instance took messages");
    }

    @Test
    void theSandboxWithNoBrokerUrlAcceptsAMessageFromAPlainJmsClientOverTcp() throws Exception {
        Path work = TestFiles.newWorkFolder();
        int jmsPort = Fixtures.freePort();
        Map<String, String> env = new HashMap<>(ForkedApplication.sandbox());
        env.put("JMS_EMBEDDED_PORT", String.valueOf(jmsPort));
        Process sandbox = ForkedApplication.builder(work, env).start();
        try {
            await().atMost(LONG_WAIT)
                    .until(() -> Files.readString(work.resolve("output.log"))
                            .contains("JMS: embedded ActiveMQ Artemis broker at tcp://127.0.0.1:" + jmsPort));

            // the command-line sender of docs/operations.md, a plain JMS client
            QueueSender.main(new String[] {"+919812345601\n+919812345699\n", "tcp://127.0.0.1:" + jmsPort});

            await().atMost(LONG_WAIT)
                    .until(
                            () -> Files.readString(work.resolve("output.log"))
                                    .contains(
                                            "Done jms: 2 accepted, 0 rejected as invalid, 1 processed by CleverTap, 1 to the error channel"));
        } finally {
            ForkedApplication.stop(sandbox);
        }
    }
}
