package org.disassociate.clevertap;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.disassociate.clevertap.ForkedApplication.LONG_WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At-least-once through hard kills: the real application in a JVM of its own is fed 50,000 numbers from files and
 * REST, killed with {@code destroyForcibly} (SIGKILL: no shutdown hook, no flush) twice while batches are in flight,
 * and started again on the same folders each time. Every number it accepted must in the end have reached CleverTap's
 * stand-in or the error channel.
 */
class CrashRecoveryIT {

    static final int FILES = 4;
    static final int PER_FILE = 10_000;
    static final int REST_REQUESTS = 100;
    static final int PER_REQUEST = 100;
    /** Each kill once CleverTap has seen this many more requests (a request holds 1,000 numbers). */
    static final int[] KILL_AFTER_REQUESTS = {25, 10};
    static final int KILLS = KILL_AFTER_REQUESTS.length;
    /** The defaults: clevertap.max-in-flight, clevertap.batch-size, and a read chunk (batch-size / 5). */
    static final int MAX_IN_FLIGHT = 3;
    static final int BATCH_SIZE = 1000;
    static final int CHUNK = 200;

    @RegisterExtension
    static final CleverTapStandIn standIn = new CleverTapStandIn();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final Path work = TestFiles.newWorkFolder();
    final int restPort = Fixtures.freePort();
    final int managementPort = Fixtures.freePort();
    final List<String> refusals = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void slowStandIn() {
        // answers take a while, so that a kill finds requests in flight
        standIn.answerAfter(100);
    }

    Process start() throws IOException {
        Process process = ForkedApplication.builder(work, standIn.environment(Map.of(
                "CLEVERTAP_BATCH_TIMEOUT_MS", "300",
                "CLEVERTAP_RETRY_INITIAL_DELAY_MS", "50",
                "INTAKE_REST_PORT", String.valueOf(restPort),
                "MANAGEMENT_PORT", String.valueOf(managementPort),
                "INTAKE_REST_TOKEN", Fixtures.TOKEN))).start();
        // as a load balancer would: requests go to an instance once it says it is ready (its port opens a moment
        // before the intake's route is in place, and answers 404 until then)
        await().atMost(LONG_WAIT).until(() -> ManagementCalls.isReady(managementPort) || !process.isAlive());
        assertTrue(process.isAlive(), "the application started");
        return process;
    }

    /** Kills the process without warning once CleverTap has seen {@code more} further requests, with work left. */
    void killAfter(Process process, int more) throws Exception {
        int seen = standIn.requests().size();
        await().atMost(LONG_WAIT).until(() -> standIn.requests().size() >= seen + more);
        assertTrue(hasWorkLeft(), "the kill must find work in progress");
        ForkedApplication.kill(process);
    }

    boolean hasWorkLeft() throws IOException {
        return !TestFiles.regularFiles(work.resolve("inbox")).isEmpty() || !TestFiles.regularFiles(work.resolve("state").resolve("spool")).isEmpty();
    }

    /** Posts each request not yet answered 202; returns once all are taken or the application has gone. */
    void postUntaken(List<List<String>> requests, Set<Integer> taken) {
        RestCalls rest = RestCalls.to(restPort).via(http).timeout(Duration.ofSeconds(10)).bearer(Fixtures.TOKEN).json();
        for (int i = 0; i < requests.size(); i++) {
            if (taken.contains(i)) {
                continue;
            }
            try {
                HttpResponse<String> response = rest.postNumbers(requests.get(i));
                if (response.statusCode() == 202) {
                    synchronized (taken) {
                        taken.add(i);
                    }
                } else {
                    refusals.add(response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                refusals.add(e.toString());
                return; // killed under us: the client tries again after the restart, as a real client would
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void everyAcceptedNumberReachesCleverTapOrTheErrorChannelThroughTwoHardKills() throws Exception {
        Set<String> accepted = new LinkedHashSet<>();
        long next = 10_000_000;
        for (int f = 0; f < FILES; f++) {
            StringBuilder file = new StringBuilder();
            for (int i = 0; i < PER_FILE; i++, next++) {
                String number = Fixtures.indian(next);
                accepted.add(number);
                file.append(number).append('\n');
            }
            TestFiles.drop(work.resolve("inbox"), "crm-" + f + ".txt", file.toString());
        }
        List<List<String>> requests = new ArrayList<>();
        for (int r = 0; r < REST_REQUESTS; r++) {
            List<String> request = new ArrayList<>();
            for (int i = 0; i < PER_REQUEST; i++, next++) {
                request.add(Fixtures.indian(next));
            }
            requests.add(request);
        }
        Set<Integer> taken = new HashSet<>();

        for (int kill = 1; kill <= KILLS; kill++) {
            Process process = start();
            Thread client = new Thread(() -> postUntaken(requests, taken), "rest-client");
            client.start();
            killAfter(process, KILL_AFTER_REQUESTS[kill - 1]);
            client.join();
        }
        Process process = start();
        postUntaken(requests, taken);
        assertEquals(REST_REQUESTS, taken.size(), "every REST request is taken once the application runs; refusals: " + refusals);
        await().atMost(LONG_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> !hasWorkLeft());
        ForkedApplication.stop(process);

        for (List<String> request : requests) {
            accepted.addAll(request);
        }
        Set<String> settled = new HashSet<>(standIn.allValues());
        for (JsonNode error : TestFiles.errorRecords(work.resolve("errors"))) {
            settled.add(error.path("record").path("value").asText());
        }
        List<String> lost = accepted.stream().filter(n -> !settled.contains(n)).toList();
        assertEquals(List.of(), lost.subList(0, Math.min(20, lost.size())), lost.size() + " numbers lost of " + accepted.size());
        // after a kill, each file is read on from its checkpoint: sent again is only what was unsettled at the kill, at
        // most (2 x max-in-flight + 1) batches and a chunk, and the one request the client posts again because the
        // kill took its answer
        int sentTwice = standIn.allValues().size() - new HashSet<>(standIn.allValues()).size();
        int bound = KILLS * ((2 * MAX_IN_FLIGHT + 1) * BATCH_SIZE + CHUNK + PER_REQUEST);
        assertTrue(sentTwice <= bound, sentTwice + " numbers sent twice through " + KILLS + " kills; at most " + bound);
        assertEquals(FILES * PER_FILE + REST_REQUESTS * PER_REQUEST, accepted.size());
        assertEquals(FILES, TestFiles.regularFiles(work.resolve("inbox").resolve(".done")).stream()
                .filter(f -> !f.getFileName().toString().endsWith(".report.json")).count(), "the files are done (beside their reports)");
        String log = Files.readString(work.resolve("output.log"));
        assertFalse(log.contains(CleverTapStandIn.PASSCODE), "passcode in the log");
    }
}
