package org.disassociate.clevertap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.awaitility.core.ConditionTimeoutException;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.ClusteredBrokers;
import org.disassociate.clevertap.testing.Fixtures;
import org.disassociate.clevertap.testing.ForkedApplication;
import org.disassociate.clevertap.testing.QueueClient;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.disassociate.clevertap.testing.ForkedApplication.LONG_WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A fleet of three instances on a cluster of two Artemis brokers (static connectors, ON_DEMAND, redistribution at
 * once), each instance with the failover URL of both: one broker crashes while they work and comes back on its port
 * and journal. Every instance goes on taking messages from the other broker meanwhile, the messages the crashed broker
 * held are delivered once it is back, no number is lost and both brokers end with the queue empty (a message whose
 * commit a failed-over session could not make is held back for its redelivery delay first, see the end).
 */
class BrokerClusterIT {

    @RegisterExtension
    static final CleverTapStandIn standIn = new CleverTapStandIn();

    /** The broker that crashes, and the one that stays. */
    private static final int A = 0;

    private static final int B = 1;
    private static final String QUEUE = QueueClient.QUEUE;
    private static final int INSTANCES = 3;
    /** intake.jms.concurrent-consumers: a connection each. */
    private static final int CONSUMERS_EACH = 4;

    private static final int NUMBERS_A_MESSAGE = 500;
    /** Messages of each of the four sends: 60,000 numbers, half to each broker. */
    private static final int MESSAGES_A_SEND = 30;

    private record Member(Path work, int managementPort, Process process) {}

    private final List<Member> fleet = new ArrayList<>();
    private ClusteredBrokers brokers;
    private long nextNumber = 70_000_000L;

    @BeforeEach
    void startTheCluster() throws Exception {
        standIn.reset();
        brokers = ClusteredBrokers.startTwo();
        await("the brokers' cluster bridges connect").atMost(LONG_WAIT).until(brokers::clustered);
    }

    @AfterEach
    void stopAll() throws Exception {
        try {
            // SIGTERM to all at once: their stops overlap; one that does not stop in time is killed
            fleet.forEach(member -> member.process().destroy());
            for (Member member : fleet) {
                if (member.process().isAlive()) {
                    try {
                        ForkedApplication.stop(member.process());
                    } catch (AssertionError notStopped) {
                        ForkedApplication.kill(member.process());
                    }
                }
            }
        } finally {
            if (brokers != null) {
                brokers.close();
            }
        }
    }

    /** The client URL of the whole cluster: HA (the client learns the cluster's topology), retrying without end. */
    private String clusterUrl() {
        return "(" + brokers.url(A) + "," + brokers.url(B) + ")?ha=true&reconnectAttempts=-1&initialConnectAttempts=-1";
    }

    private Member member(String brokerUrl) throws Exception {
        Path work = TestFiles.newWorkFolder();
        int managementPort = Fixtures.freePort();
        Map<String, String> env = new HashMap<>(standIn.environment(Map.of(
                "JMS_BROKER_URL",
                brokerUrl,
                "CLEVERTAP_BATCH_TIMEOUT_MS",
                "300",
                "MANAGEMENT_PORT",
                String.valueOf(managementPort))));
        Member member = new Member(
                work, managementPort, ForkedApplication.builder(work, env).start());
        fleet.add(member);
        return member;
    }

    @Test
    void aFleetOnTwoClusteredBrokersGoesOnThroughTheCrashOfOneAndLosesNoNumber() throws Exception {
        standIn.answerAfter(100);
        for (int i = 0; i < INSTANCES; i++) {
            member(clusterUrl());
        }
        // each instance's four consumer connections go round-robin over the brokers (the client's topology): at least
        // one to each. With this URL (reconnectAttempts=-1, no backup) a connection to A waits for A when it crashes,
        // it does not move to B: an instance goes on through the crash with its connections to B
        await("every consumer of the fleet connected, on both brokers")
                .atMost(LONG_WAIT)
                .until(() -> brokers.consumerCount(A, QUEUE) > 0
                        && brokers.consumerCount(B, QUEUE) > 0
                        && brokers.consumerCount(A, QUEUE) + brokers.consumerCount(B, QUEUE)
                                == INSTANCES * CONSUMERS_EACH);
        report("connected: consumers on A " + brokers.consumerCount(A, QUEUE) + ", on B "
                + brokers.consumerCount(B, QUEUE));

        // A's queue delivers nothing until it crashes, so that it certainly holds messages then: those it is given,
        // and, ON_DEMAND, its share of those sent to B
        brokers.pause(A, QUEUE);
        Set<String> numbers = new HashSet<>();
        QueueClient.sendTexts(brokers.url(A), messages(numbers));
        QueueClient.sendTexts(brokers.url(B), messages(numbers));
        int sentBeforeTheCrash = numbers.size();
        await("all but what A holds taken by the fleet")
                .atMost(LONG_WAIT)
                .ignoreExceptions()
                .until(() -> brokers.messageCount(B, QUEUE) == 0
                        && takenFromJms() + brokers.messageCount(A, QUEUE) * NUMBERS_A_MESSAGE == sentBeforeTheCrash);
        Set<String> heldByA = new HashSet<>();
        brokers.texts(A, QUEUE).forEach(text -> heldByA.addAll(text.lines().toList()));
        assertFalse(heldByA.isEmpty(), "A holds messages when it crashes");
        report("A holds " + heldByA.size() + " numbers at the crash; "
                + standIn.requests().size() + " requests so far, " + new HashSet<>(standIn.delivered()).size()
                + " numbers delivered");
        List<Double> takenBeforeTheCrash = new ArrayList<>();
        for (Member member : fleet) {
            takenBeforeTheCrash.add(takenFromJms(member.managementPort()));
        }

        // each of these consumers' sessions fails over to A when it is back (see the end)
        int failedOver = brokers.consumerCount(A, QUEUE);
        brokers.crash(A);

        // while A is away: to B alone
        QueueClient.sendTexts(brokers.url(B), messages(numbers));
        try {
            await().atMost(LONG_WAIT)
                    .ignoreExceptions()
                    .until(() -> idleSince(takenBeforeTheCrash).isEmpty());
        } catch (ConditionTimeoutException e) {
            fail("every instance takes messages from B while A is down; these took none after the crash (numbers"
                    + " taken from the queue before it, and now): " + idleSince(takenBeforeTheCrash));
        }
        Set<String> deliveredWhileAway = new HashSet<>(standIn.delivered());
        report("A down: consumers on B " + brokers.consumerCount(B, QUEUE) + ", messages on B "
                + brokers.messageCount(B, QUEUE) + ", on B for A " + brokers.forwarding(B)
                + ", of A's held numbers delivered "
                + heldByA.stream().filter(deliveredWhileAway::contains).count());

        brokers.start(A);
        await("the cluster joined again").atMost(LONG_WAIT).until(brokers::clustered);
        QueueClient.sendTexts(brokers.url(A), messages(numbers));
        report("A back: consumers on A " + brokers.consumerCount(A, QUEUE) + ", on B " + brokers.consumerCount(B, QUEUE)
                + ", messages on A " + brokers.messageCount(A, QUEUE));

        assertEquals(4 * MESSAGES_A_SEND * NUMBERS_A_MESSAGE, numbers.size());
        try {
            await().atMost(LONG_WAIT).until(() -> new HashSet<>(standIn.delivered()).containsAll(numbers));
        } catch (ConditionTimeoutException e) {
            Set<String> missing = new HashSet<>(numbers);
            missing.removeAll(new HashSet<>(standIn.delivered()));
            long wereOnA = missing.stream().filter(heldByA::contains).count();
            fail("every number delivered: " + missing.size() + " of " + numbers.size() + " never reached CleverTap, "
                    + wereOnA + " of them held by A at its crash");
        }
        // A session of the Artemis client that fails over to a broker restarted on its journal is made anew there,
        // and marked rollback-only when it had done work since its last commit (the client cannot know what the dead
        // broker kept of it). A receive(timeout) that returns nothing counts as such work: it waits for the broker's
        // answer to a forced delivery. So each consumer A had at its crash, idle on A's paused queue, is rollback-only
        // once A is back: the commit of its first batch fails after the batch's numbers are spooled (they are sent
        // again:
        // at least once) and the instance connects again. Each rolled-back message is held back by the broker for its
        // redelivery delay, multiplied at each delivery (1 s, 2 s, 4 s ... at most 60 s: the application's address
        // settings, which these brokers take). When A holds few messages then, one message can meet those sessions one
        // after the
        // other and be taken minutes after its numbers were delivered. Nothing else may be left; so, first: nothing on
        // the brokers but messages held back after such rollbacks
        try {
            await("nothing left on the brokers but messages held back for redelivery")
                    .atMost(LONG_WAIT)
                    .until(() -> brokers.forwarding(A) == 0
                            && brokers.forwarding(B) == 0
                            && brokers.messageCount(A, QUEUE) == brokers.scheduledCount(A, QUEUE)
                            && brokers.messageCount(B, QUEUE) == brokers.scheduledCount(B, QUEUE));
        } catch (ConditionTimeoutException e) {
            fail(
                    "the queue empty on both brokers, nothing left to forward, within " + LONG_WAIT
                            + " (but messages held back for redelivery); they hold:\n" + onTheBrokers(),
                    e);
        }
        List<ClusteredBrokers.HeldBack> heldBack = new ArrayList<>(brokers.heldBack(A, QUEUE));
        heldBack.addAll(brokers.heldBack(B, QUEUE));
        Set<String> delivered = new HashSet<>(standIn.delivered());
        for (ClusteredBrokers.HeldBack message : heldBack) {
            // rolled back at a commit, its numbers spooled and delivered; by no more sessions than failed over
            assertTrue(
                    message.deliveryCount() >= 1
                            && message.deliveryCount() <= failedOver
                            && delivered.containsAll(message.lines()),
                    "a message held back on a broker is one rolled back by a session that failed over to A ("
                            + failedOver
                            + " did), its numbers delivered: message " + message.messageId() + ", delivered "
                            + message.deliveryCount() + " times, "
                            + message.lines().stream()
                                    .filter(delivered::contains)
                                    .count() + " of its " + message.lines().size()
                            + " numbers delivered\n" + onTheBrokers());
        }
        // then nothing at all: those too are taken, within the back-off of as many rollbacks as sessions failed over
        Duration backOff = brokers.redeliveryBackOff(B, QUEUE, failedOver);
        if (!heldBack.isEmpty()) {
            report(heldBack.size() + " message(s) held back for redelivery, delivered "
                    + heldBack.stream()
                            .map(message -> String.valueOf(message.deliveryCount()))
                            .toList() + " times; " + failedOver
                    + " sessions failed over, a back-off of " + backOff + " at most");
        }
        try {
            await("the queue empty on both brokers, nothing left to forward")
                    .atMost(LONG_WAIT.plus(backOff))
                    .until(() -> brokers.messageCount(A, QUEUE) == 0
                            && brokers.messageCount(B, QUEUE) == 0
                            && brokers.forwarding(A) == 0
                            && brokers.forwarding(B) == 0);
        } catch (ConditionTimeoutException e) {
            fail(
                    "the queue empty on both brokers, nothing left to forward, within " + LONG_WAIT.plus(backOff)
                            + "; they hold:\n" + onTheBrokers(),
                    e);
        }
        report("done: consumers on A " + brokers.consumerCount(A, QUEUE) + ", on B "
                + brokers.consumerCount(B, QUEUE) + "; " + standIn.delivered().size()
                + " numbers sent to the stand-in for " + numbers.size());
    }

    /** What both brokers hold (queues, consumers, messages, bridges), for a failure's message. */
    private String onTheBrokers() {
        Set<String> delivered = new HashSet<>(standIn.delivered());
        return brokers.describe(A, QUEUE, delivered) + brokers.describe(B, QUEUE, delivered);
    }

    /** {@link #MESSAGES_A_SEND} messages of {@link #NUMBERS_A_MESSAGE} numbers each, new ones, added to {@code all}. */
    private List<String> messages(Set<String> all) {
        List<String> texts = new ArrayList<>();
        for (int m = 0; m < MESSAGES_A_SEND; m++) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < NUMBERS_A_MESSAGE; i++) {
                String number = Fixtures.indian(nextNumber++);
                all.add(number);
                body.append(number).append('\n');
            }
            texts.add(body.toString());
        }
        return texts;
    }

    /** The instances that have taken no number from the queue since {@code before} (their counts then), with both. */
    private Map<Integer, String> idleSince(List<Double> before) {
        Map<Integer, String> idle = new TreeMap<>();
        for (int i = 0; i < fleet.size(); i++) {
            double now = takenFromJms(fleet.get(i).managementPort());
            if (now <= before.get(i)) {
                idle.put(i, before.get(i) + " -> " + now);
            }
        }
        return idle;
    }

    /** The numbers the fleet has taken from the queue so far. */
    private double takenFromJms() {
        double taken = 0;
        for (Member member : fleet) {
            taken += takenFromJms(member.managementPort());
        }
        return taken;
    }

    /** clevertap.numbers.accepted of the JMS intake of the instance with this management port. */
    private static double takenFromJms(int managementPort) {
        try {
            HttpResponse<String> metrics = Fixtures.HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/observe/metrics"))
                            .timeout(Fixtures.REQUEST_TIMEOUT)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (metrics.statusCode() != 200) {
                throw new IllegalStateException("metrics: " + metrics.statusCode());
            }
            return metrics.body()
                    .lines()
                    .filter(line ->
                            line.startsWith("clevertap_numbers_accepted_total{") && line.contains("intake=\"jms\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(String what) {
        System.out.println("BrokerClusterIT: " + what);
    }
}
