package org.disassociate.clevertap;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.disassociate.clevertap.model.Json;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.Fixtures;
import org.disassociate.clevertap.testing.ForkedApplication;
import org.disassociate.clevertap.testing.ManagementCalls;
import org.disassociate.clevertap.testing.RestCalls;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.disassociate.clevertap.testing.ForkedApplication.LONG_WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At-least-once through hard kills, with two accounts: the real application in a JVM of its own, its default account
 * at one stand-in and an account {@code sea} (numbers of Singapore) at another, is fed 50,000 numbers, half of each
 * account, from files and REST, killed with {@code destroyForcibly} (SIGKILL: no shutdown hook, no flush) twice while batches are in flight,
 * and started again on the same folders each time. Every number it accepted must in the end have reached CleverTap's
 * stand-in or the error channel, and what reached it twice is only what the checkpoints on disk at each kill had not
 * yet covered; and no number ever reached the other account's API.
 * <p>
 * The first kill comes at a quiet moment: CleverTap holds its answers, so that nothing settles and the checkpoints'
 * saves catch up; what is exposed then has a bound. The second comes while answers arrive and checkpoints are saved.
 */
class CrashRecoveryIT {

    static final int FILES = 2;
    static final int PER_FILE = 20_000;
    static final int REST_REQUESTS = 100;
    static final int PER_REQUEST = 100;
    /** Each kill once CleverTap has seen this many more requests (a request holds 1,000 numbers). */
    static final int[] KILL_AFTER_REQUESTS = {15, 10};

    static final int KILLS = KILL_AFTER_REQUESTS.length;
    /** The defaults: clevertap.max-in-flight, clevertap.batch-size. */
    static final int MAX_IN_FLIGHT = 3;

    static final int BATCH_SIZE = 1000;
    /**
     * What a quiet kill may expose: the batches in flight, and those answered while an older batch of the same file was
     * still in flight.
     */
    static final int QUIET_EXPOSURE = 2 * 2 * MAX_IN_FLIGHT * BATCH_SIZE;

    @RegisterExtension
    static final CleverTapStandIn standIn = new CleverTapStandIn();

    @RegisterExtension
    static final CleverTapStandIn sea = new CleverTapStandIn("SEA-ACCOUNT", "SEA-Passcode-4R2T");

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final Path work = TestFiles.newWorkFolder();
    final int restPort = Fixtures.freePort();
    final int managementPort = Fixtures.freePort();
    final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    /** Requests whose answer the client did not get: it posts them again, so their numbers may be sent twice. */
    final AtomicInteger unanswered = new AtomicInteger();

    @BeforeAll
    static void slowStandIn() {
        // answers take a while, so that a kill finds requests in flight
        standIn.answerAfter(100);
        sea.answerAfter(100);
    }

    /** The n-th number of the files and requests: Indian and Singaporean in turn, one for each account. */
    static String number(long n) {
        return n % 2 == 0 ? Fixtures.indian(n / 2) : String.format("+6581%06d", (n / 2) % 1_000_000);
    }

    /** Requests both stand-ins have seen. */
    static int requestsSeen() {
        return standIn.requests().size() + sea.requests().size();
    }

    Process start() throws IOException {
        Process process = ForkedApplication.builder(
                        work,
                        standIn.environment(Map.ofEntries(
                                Map.entry("CLEVERTAP_BATCH_TIMEOUT_MS", "300"),
                                Map.entry("CLEVERTAP_ACCOUNTS", "sea"),
                                Map.entry("CLEVERTAP_ACCOUNTS_SEA_REGION", "sg1"),
                                Map.entry("CLEVERTAP_ACCOUNTS_SEA_BASE_URL", sea.baseUrl()),
                                Map.entry("CLEVERTAP_ACCOUNTS_SEA_ACCOUNT_ID", "SEA-ACCOUNT"),
                                Map.entry("CLEVERTAP_ACCOUNTS_SEA_PASSCODE", "SEA-Passcode-4R2T"),
                                Map.entry("CLEVERTAP_ACCOUNTS_SEA_COUNTRIES", "SG"),
                                Map.entry("CLEVERTAP_RETRY_INITIAL_DELAY_MS", "50"),
                                Map.entry("INTAKE_REST_PORT", String.valueOf(restPort)),
                                Map.entry("MANAGEMENT_PORT", String.valueOf(managementPort)),
                                Map.entry("INTAKE_REST_TOKEN", Fixtures.TOKEN))))
                .start();
        // as a load balancer would: requests go to an instance once it says it is ready (its port opens a moment
        // before the intake's route is in place, and answers 404 until then)
        await().atMost(LONG_WAIT).until(() -> ManagementCalls.isReady(managementPort) || !process.isAlive());
        assertTrue(process.isAlive(), "the application started");
        return process;
    }

    /**
     * Kills the process without warning once CleverTap has seen {@code more} further requests, with work left; when
     * {@code quiet}, only once CleverTap holds its answers to every request in flight and the checkpoints have caught
     * up. Returns the numbers this kill exposes to a second send.
     */
    Set<String> killAfter(Process process, int more, boolean quiet) throws Exception {
        int seen = requestsSeen();
        await().atMost(LONG_WAIT).until(() -> requestsSeen() >= seen + more);
        assertTrue(hasWorkLeft(), "the kill must find work in progress");
        if (quiet) {
            standIn.holdAnswers();
            sea.holdAnswers();
            await("every sender of each account waits for CleverTap")
                    .atMost(LONG_WAIT)
                    .until(() -> standIn.answersHeld() == MAX_IN_FLIGHT && sea.answersHeld() == MAX_IN_FLIGHT);
            // nothing settles now: the checkpoints' saves catch up within milliseconds
            await("numbers CleverTap received beyond the checkpoints on disk, at most " + QUIET_EXPOSURE)
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> exposed().size(), n -> n <= QUIET_EXPOSURE);
        }
        ForkedApplication.kill(process);
        standIn.releaseAnswers();
        sea.releaseAnswers();
        return exposed();
    }

    /**
     * The numbers CleverTap has received that a run started now would send again: those of the files still to be
     * settled (inbox and spool) after the first values their checkpoint on disk says are settled.
     */
    Set<String> exposed() throws IOException {
        Set<String> received = new HashSet<>(standIn.delivered());
        received.addAll(sea.delivered());
        Map<String, Long> settled = new HashMap<>();
        for (Path checkpoint : TestFiles.regularFiles(work.resolve("state").resolve("checkpoints"))) {
            if (checkpoint.getFileName().toString().endsWith(".checkpoint.json")) {
                try {
                    JsonNode saved = Json.mapper().readTree(Files.readAllBytes(checkpoint));
                    settled.put(
                            saved.path("file").asText(),
                            saved.path("settledValues").asLong());
                } catch (NoSuchFileException e) {
                    // removed meanwhile: its file is settled
                }
            }
        }
        Set<String> exposed = new HashSet<>();
        List<Path> unsettled = new ArrayList<>(TestFiles.regularFiles(work.resolve("inbox")));
        unsettled.addAll(TestFiles.spoolFiles(work.resolve("state").resolve("spool")));
        for (Path file : unsettled) {
            List<String> values;
            try {
                values = Files.readAllLines(file).stream()
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .toList();
            } catch (NoSuchFileException e) {
                continue; // done meanwhile
            }
            long from = settled.getOrDefault(file.getFileName().toString(), 0L);
            values.stream().skip(from).filter(received::contains).forEach(exposed::add);
        }
        return exposed;
    }

    boolean hasWorkLeft() throws IOException {
        return !TestFiles.regularFiles(work.resolve("inbox")).isEmpty()
                || !TestFiles.spoolFiles(work.resolve("state").resolve("spool")).isEmpty();
    }

    /** Posts each request not yet answered 202; returns once all are taken or the application has gone. */
    void postUntaken(List<List<String>> requests, Set<Integer> taken) {
        RestCalls rest = RestCalls.to(restPort)
                .via(http)
                .timeout(Duration.ofSeconds(10))
                .bearer(Fixtures.TOKEN)
                .json();
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
                unanswered.incrementAndGet();
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
                String number = number(next);
                accepted.add(number);
                file.append(number).append('\n');
            }
            TestFiles.drop(work.resolve("inbox"), "crm-" + f + ".txt", file.toString());
        }
        List<List<String>> requests = new ArrayList<>();
        for (int r = 0; r < REST_REQUESTS; r++) {
            List<String> request = new ArrayList<>();
            for (int i = 0; i < PER_REQUEST; i++, next++) {
                request.add(number(next));
            }
            requests.add(request);
        }
        Set<Integer> taken = new HashSet<>();

        int exposedByKills = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            Process process = start();
            Thread client = new Thread(() -> postUntaken(requests, taken), "rest-client");
            client.start();
            boolean quiet = kill == 1;
            Set<String> exposed = killAfter(process, KILL_AFTER_REQUESTS[kill - 1], quiet);
            client.join();
            if (quiet) {
                assertTrue(
                        exposed.size() <= QUIET_EXPOSURE,
                        exposed.size() + " numbers CleverTap received are not"
                                + " covered by a checkpoint after a quiet moment; at most " + QUIET_EXPOSURE);
            }
            exposedByKills += exposed.size();
        }
        Process process = start();
        postUntaken(requests, taken);
        assertEquals(
                REST_REQUESTS,
                taken.size(),
                "every REST request is taken once the application runs; refusals: " + refusals);
        await().atMost(LONG_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> !hasWorkLeft());
        ForkedApplication.stop(process);

        for (List<String> request : requests) {
            accepted.addAll(request);
        }
        assertTrue(
                standIn.delivered().stream().allMatch(n -> n.startsWith("+91")),
                "only Indian numbers at the default account");
        assertTrue(sea.delivered().stream().allMatch(n -> n.startsWith("+65")), "only Singaporean numbers at sea");
        List<String> delivered = new ArrayList<>(standIn.delivered());
        delivered.addAll(sea.delivered());
        Set<String> settled = new HashSet<>(delivered);
        for (JsonNode error : TestFiles.errorRecords(work.resolve("errors"))) {
            settled.add(error.path("record").path("value").asText());
        }
        List<String> lost = accepted.stream().filter(n -> !settled.contains(n)).toList();
        assertEquals(
                List.of(),
                lost.subList(0, Math.min(20, lost.size())),
                lost.size() + " numbers lost of " + accepted.size());
        // after a kill, each file is read on from its checkpoint: sent again is only what the checkpoints on disk did
        // not cover, and the requests the client posted again because a kill took their answer
        int sentTwice = delivered.size() - new HashSet<>(delivered).size();
        int bound = exposedByKills + unanswered.get() * PER_REQUEST;
        assertTrue(
                sentTwice <= bound,
                sentTwice + " numbers sent twice through " + KILLS + " kills; at most " + bound + " (" + exposedByKills
                        + " not covered by the checkpoints at the kills, " + unanswered + " requests posted again)");
        assertEquals(FILES * PER_FILE + REST_REQUESTS * PER_REQUEST, accepted.size());
        assertEquals(
                FILES,
                TestFiles.regularFiles(work.resolve("inbox").resolve(".done")).stream()
                        .filter(f -> !f.getFileName().toString().endsWith(".report.json"))
                        .count(),
                "the files are done (beside their reports)");
        String log = Files.readString(work.resolve("output.log"));
        assertFalse(
                log.contains(CleverTapStandIn.PASSCODE) || log.contains("SEA-Passcode-4R2T"), "passcode in the log");
    }
}
