package org.disassociate.clevertap.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.disassociate.clevertap.broker.JmsBroker;
import org.disassociate.clevertap.testing.Fixtures;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The account's slots on a broker: seeded once however many instances start together, taken and given back whole. */
class AccountSlotsTest {

    private static final String TOKENS = "clevertap.account-slots.ACC";
    private final List<AccountSlots> started = new ArrayList<>();
    private JmsBroker broker;

    @BeforeEach
    void startBroker() throws Exception {
        Path work = TestFiles.newWorkFolder();
        broker = new JmsBroker();
        broker.setEmbeddedPort(Fixtures.freePort());
        broker.setEmbeddedDataDir(work.resolve("broker").toString());
        broker.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        started.forEach(AccountSlots::stop);
        broker.stop();
    }

    private AccountSlots instance(int accountMaxInFlight) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.connectionUrl());
        factory.setConsumerWindowSize(0);
        factory.setReconnectAttempts(0);
        AccountSlots slots = new AccountSlots();
        slots.setConnectionFactory(factory);
        slots.setAccountMaxInFlight(accountMaxInFlight);
        slots.setMaxInFlight(3);
        slots.setAccountId("ACC");
        slots.setReceiveMillis(100);
        started.add(slots);
        return slots;
    }

    @RepeatedTest(3)
    void instancesStartingTogetherSeedTheLimitOnce() throws Exception {
        List<AccountSlots> fleet = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            fleet.add(instance(4));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> starting = new ArrayList<>();
        for (AccountSlots slots : fleet) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                slots.start();
            });
            thread.start();
            starting.add(thread);
        }
        go.countDown();
        for (Thread thread : starting) {
            thread.join();
        }
        await().atMost(Fixtures.WAIT).until(() -> fleet.stream().allMatch(AccountSlots::isShared));

        assertEquals(4, broker.messageCount(TOKENS), "four tokens, not four per instance");
    }

    @RepeatedTest(3)
    void aTakenSlotIsNobodyElsesUntilItIsGivenBack() throws Exception {
        AccountSlots one = instance(2);
        AccountSlots other = instance(2);
        one.start();
        other.start();
        await().atMost(Fixtures.WAIT).until(() -> one.isShared() && other.isShared());

        AccountSlots.Held first = one.take();
        AccountSlots.Held second = other.take();
        assertTrue(first.slot() != second.slot(), "two slots: " + first.slot() + ", " + second.slot());
        Thread third = new Thread(() -> {
            try {
                other.giveBack(other.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        third.start();
        third.join(500);
        assertTrue(third.isAlive(), "a third request waits while both slots are held");

        one.giveBack(first);
        third.join(Fixtures.WAIT.toMillis());
        assertTrue(!third.isAlive(), "it takes the slot given back");
        other.giveBack(second);
        await().atMost(Fixtures.WAIT)
                .untilAsserted(() -> assertEquals(2, broker.messageCount(TOKENS), "both tokens back, once each"));
    }
}
