package org.disassociate.clevertap;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.disassociate.clevertap.broker.JmsBroker;
import org.disassociate.clevertap.testing.CleverTapStandIn;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fleet of instances on one broker and one CleverTap account (clevertap.account-max-in-flight): together they never
 * have more requests in flight than the account allows, a holder killed with kill -9 gives its slots back, and while
 * the broker is away an instance goes on under its local limit.
 */
class FleetIT {

    @RegisterExtension
    static final CleverTapStandIn standIn = new CleverTapStandIn();

    private static final int ACCOUNT_ALLOWS = 4;
    private static final String TOKENS = "clevertap.account-slots." + CleverTapStandIn.ACCOUNT_ID;

    private final List<Process> instances = new ArrayList<>();
    private Path brokerWork;
    private int brokerPort;
    private JmsBroker broker;

    @BeforeEach
    void startTheBroker() throws Exception {
        standIn.reset();
        brokerWork = TestFiles.newWorkFolder();
        brokerPort = Fixtures.freePort();
        broker = startBroker();
    }

    @AfterEach
    void stopAll() throws Exception {
        try {
            ForkedApplication.stopAll(instances);
        } finally {
            broker.stop();
        }
    }

    private JmsBroker startBroker() throws Exception {
        JmsBroker started = new JmsBroker();
        started.setEmbeddedPort(brokerPort);
        started.setEmbeddedDataDir(brokerWork.resolve("broker").toString());
        started.start();
        return started;
    }

    /** An instance of the fleet: 3 requests at once of its own, the account's 4 shared on the broker. */
    private Process member(Path work, Map<String, String> more) throws Exception {
        Map<String, String> env = new HashMap<>(standIn.environment(Map.of(
                "JMS_BROKER_URL", broker.connectionUrl(),
                "CLEVERTAP_MAX_IN_FLIGHT", "3",
                "CLEVERTAP_ACCOUNT_MAX_IN_FLIGHT", String.valueOf(ACCOUNT_ALLOWS),
                "CLEVERTAP_ACCOUNT_RECONNECT_MS", "500",
                "CLEVERTAP_BATCH_TIMEOUT_MS", "300",
                // a killed holder's request may last this long: its slot is kept unused that long
                "CLEVERTAP_RESPONSE_TIMEOUT_MS", "4000")));
        env.putAll(more);
        Process process = ForkedApplication.builder(work, env).start();
        instances.add(process);
        return process;
    }

    private static void awaitSharing(Path work) {
        await().atMost(LONG_WAIT).until(() -> {
            String log = Files.readString(work.resolve("output.log"));
            return log.contains("Started intake-jms")
                    && log.contains("Account slots: " + ACCOUNT_ALLOWS + " requests at once");
        });
    }

    /** {@code messages} messages of 500 numbers each, from {@code first}. */
    private static List<String> work(int messages, long first, Set<String> numbers) {
        List<String> texts = new ArrayList<>();
        for (int m = 0; m < messages; m++) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 500; i++) {
                String number = Fixtures.indian(first + m * 500L + i);
                numbers.add(number);
                body.append(number).append('\n');
            }
            texts.add(body.toString());
        }
        return texts;
    }

    private static long instancesThatSent(List<Path> works) throws Exception {
        long sent = 0;
        for (Path work : works) {
            if (Files.readString(work.resolve("output.log")).contains("CleverTap answered")) {
                sent++;
            }
        }
        return sent;
    }

    @Test
    void threeInstancesNeverHaveMoreRequestsInFlightThanTheAccountAllows() throws Exception {
        List<Path> works = List.of(TestFiles.newWorkFolder(), TestFiles.newWorkFolder(), TestFiles.newWorkFolder());
        for (Path work : works) {
            member(work, Map.of());
        }
        works.forEach(FleetIT::awaitSharing);
        standIn.accountAllows(ACCOUNT_ALLOWS, 200);
        Set<String> numbers = new HashSet<>();

        QueueClient.sendTexts(broker.connectionUrl(), work(120, 60_000_000L, numbers));

        await().atMost(LONG_WAIT).until(() -> new HashSet<>(standIn.delivered()).size() >= numbers.size());
        assertTrue(new HashSet<>(standIn.delivered()).containsAll(numbers), "every number delivered");
        assertEquals(numbers.size(), standIn.delivered().size(), "each once");
        assertTrue(instancesThatSent(works) >= 2, "the instances shared the work (9 requests at once between them)");
        assertEquals(
                0,
                standIn.tooManyAnswered(),
                "no 429: never more than " + ACCOUNT_ALLOWS + " in flight across the" + " fleet (at most "
                        + standIn.mostAtOnce() + " were)");
        assertEquals(ACCOUNT_ALLOWS, standIn.mostAtOnce(), "the account's slots used in full");
        await().atMost(LONG_WAIT).until(() -> broker.messageCount(TOKENS) == ACCOUNT_ALLOWS);
    }

    @Test
    void aHolderKilledWithKill9GivesItsSlotsBackAndNoSlotIsDoubled() throws Exception {
        Path killed = TestFiles.newWorkFolder();
        List<Path> others = List.of(TestFiles.newWorkFolder(), TestFiles.newWorkFolder());
        int victimsManagement = Fixtures.freePort();
        // slow answers: the victim's requests are still being answered well after it is killed
        Map<String, String> slow = Map.of("CLEVERTAP_RESPONSE_TIMEOUT_MS", "7000");
        Map<String, String> victimsEnv = new HashMap<>(slow);
        victimsEnv.put("MANAGEMENT_PORT", String.valueOf(victimsManagement));
        Process victim = member(killed, victimsEnv);
        for (Path work : others) {
            member(work, slow);
        }
        awaitSharing(killed);
        others.forEach(FleetIT::awaitSharing);
        // each answer takes 2.5 s: the victim's are answered well after the kill, and far inside the 7 s its slots
        // are kept unused
        standIn.accountAllows(ACCOUNT_ALLOWS, 2500);
        Set<String> numbers = new HashSet<>();
        QueueClient.sendTexts(broker.connectionUrl(), work(40, 61_000_000L, numbers));
        await().atMost(LONG_WAIT).until(() -> requestsInFlight(victimsManagement) > 0);

        ForkedApplication.kill(victim);

        // its slots come back (at once: its connection closed) and are kept unused while its requests may still be
        // answered; the two others then go on with all four
        await().atMost(LONG_WAIT)
                .until(() ->
                        broker.messageCount(QueueClient.QUEUE) == 0 && broker.messageCount(TOKENS) == ACCOUNT_ALLOWS);
        // the victim's numbers that were spooled and not sent wait in its spool: its restart sends them
        member(killed, slow);
        await().atMost(LONG_WAIT).until(() -> new HashSet<>(standIn.delivered()).containsAll(numbers));
        await().atMost(LONG_WAIT).until(() -> broker.messageCount(TOKENS) == ACCOUNT_ALLOWS);
        assertEquals(
                0,
                standIn.tooManyAnswered(),
                "no slot doubled: never more than " + ACCOUNT_ALLOWS + " in flight"
                        + ", the killed instance's requests counted (at most " + standIn.mostAtOnce() + " were)");
    }

    /** The gauge clevertap.requests.in.flight of the instance whose management port this is. */
    private static double requestsInFlight(int managementPort) {
        try {
            HttpResponse<String> metrics = Fixtures.HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/observe/metrics"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return metrics.body()
                    .lines()
                    .filter(line -> line.startsWith("clevertap_requests_in_flight"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (Exception e) {
            return 0;
        }
    }

    @Test
    void whileTheBrokerIsAwayAnInstanceSendsUnderItsLocalLimitAndJoinsAgainWhenItIsBack() throws Exception {
        Path work = TestFiles.newWorkFolder();
        int managementPort = Fixtures.freePort();
        member(work, Map.of("MANAGEMENT_PORT", String.valueOf(managementPort)));
        awaitSharing(work);

        broker.stop();
        await().atMost(LONG_WAIT)
                .until(() -> Files.readString(work.resolve("output.log"))
                        .contains("Account slots: the connection to the broker is lost"));
        HttpResponse<String> ready = Fixtures.HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/observe/health/ready"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), "the file, REST and spool paths go on: " + ready.body());
        assertTrue(ready.body().contains("the broker cannot be reached"), ready.body());

        standIn.accountAllows(ACCOUNT_ALLOWS, 200);
        TestFiles.drop(work.resolve("inbox"), "while-away.txt", Fixtures.numbers(5000, 62_000_000L));
        await().atMost(LONG_WAIT).until(() -> standIn.delivered().size() == 5000);
        assertEquals(1, standIn.mostAtOnce(), "one request at once, the local fallback, while the broker is away");

        broker = startBroker();
        await().atMost(LONG_WAIT)
                .until(() -> Files.readString(work.resolve("output.log"))
                                .split("Account slots: " + ACCOUNT_ALLOWS + " requests at once", -1)
                                .length
                        == 3);
    }
}
