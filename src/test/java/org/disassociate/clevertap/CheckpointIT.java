package org.disassociate.clevertap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.Fixtures;
import org.disassociate.clevertap.testing.ForkedApplication;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.disassociate.clevertap.testing.ForkedApplication.LONG_WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file's checkpoint across hard kills, in a JVM of its own: read on from it, read from the start when the file was
 * replaced under its name, and nothing lost when the kill lands while the checkpoint itself is being written.
 */
class CheckpointIT {

    @RegisterExtension
    static final CleverTapStandIn standIn = new CleverTapStandIn();

    final Path work = TestFiles.newWorkFolder();
    final Path inbox = work.resolve("inbox");
    final Path checkpoints = work.resolve("state").resolve("checkpoints");

    @BeforeEach
    void slowStandIn() {
        standIn.reset();
        // answers take a while, so that a kill finds batches in flight and a checkpoint part-way
        standIn.answerAfter(100);
    }

    Process start() throws IOException {
        return start(Map.of());
    }

    Process start(Map<String, String> settings) throws IOException {
        Map<String, String> env = new HashMap<>(settings);
        env.put("CLEVERTAP_BATCH_TIMEOUT_MS", "300");
        return ForkedApplication.builder(work, standIn.environment(env)).start();
    }

    static List<String> numbers(int count, long first) {
        List<String> numbers = new ArrayList<>(count);
        for (long n = first; n < first + count; n++) {
            numbers.add(Fixtures.indian(n));
        }
        return numbers;
    }

    static byte[] file(List<String> numbers) {
        return (String.join("\n", numbers) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A checkpoint past the file's first line: some of its numbers are settled. */
    boolean hasCheckpoint() throws IOException {
        for (Path checkpoint : checkpointFiles(".checkpoint.json")) {
            try {
                if (CleverTapStandIn.MAPPER
                                .readTree(checkpoint.toFile())
                                .path("settledLine")
                                .asLong()
                        > 0) {
                    return true;
                }
            } catch (IOException e) {
                // replaced while read: the next look sees the new one
            }
        }
        return false;
    }

    List<Path> checkpointFiles(String suffix) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .toList();
        }
    }

    /**
     * Watches, without pausing, for a save's temporary file and kills the process the moment one appears: most of a
     * save is its fsync, and a process killed in it dies before the rename that follows.
     */
    void killOnceASaveBegins(Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (checkpointFiles(".tmp").isEmpty() && System.nanoTime() < deadline && process.isAlive()) {
            Thread.onSpinWait();
        }
        ForkedApplication.kill(process);
    }

    JsonNode reportOnceDone(String name) throws IOException {
        Path report = inbox.resolve(".done").resolve(name + ".report.json");
        await().atMost(LONG_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> Files.exists(report));
        return CleverTapStandIn.MAPPER.readTree(report.toFile());
    }

    @Test
    void aFileReplacedUnderItsNameIsReadFromTheStart() throws Exception {
        TestFiles.drop(inbox, "crm.txt", file(numbers(20_000, 30_000_000)));
        Process process = start();
        await().atMost(LONG_WAIT).until(() -> standIn.requests().size() >= 5 && hasCheckpoint());
        ForkedApplication.kill(process);
        assertTrue(Files.exists(inbox.resolve("crm.txt")), "the kill finds the file part-way");

        // the same name, other numbers: what the checkpoint counted is not in this file
        List<String> replacement = numbers(20_000, 40_000_000);
        Files.delete(inbox.resolve("crm.txt"));
        TestFiles.drop(inbox, "crm.txt", file(replacement));
        standIn.reset();
        process = start();
        JsonNode report = reportOnceDone("crm.txt");
        ForkedApplication.stop(process);

        assertEquals(0, report.path("resumedAtLine").asLong(), report.toString());
        assertEquals(20_000, report.path("accepted").asLong(), report.toString());
        Set<String> delivered = new HashSet<>(standIn.allValues());
        assertEquals(
                List.of(),
                replacement.stream()
                        .filter(n -> !delivered.contains(n))
                        .limit(20)
                        .toList(),
                "every number of the new file, from its first line");
        String log = Files.readString(work.resolve("output.log"));
        assertTrue(log.contains("Reading crm.txt from the start, not from its checkpoint"), "the log says why");
        assertEquals(List.of(), checkpointFiles(""), "no checkpoint is left once the file is done");
    }

    @Test
    void killedWhileItsCheckpointIsWrittenTheFileIsReadOnAndLosesNothing() throws Exception {
        List<String> numbers = numbers(60_000, 50_000_000);
        TestFiles.drop(inbox, "crm.txt", file(numbers));
        // small batches answered at once: the checkpoint moves hundreds of times a second, and is being written most of
        // the time. Kill until one kill has caught a checkpoint half-written (its temporary file left behind).
        standIn.answerAfter(0);
        Map<String, String> smallBatches = Map.of("CLEVERTAP_BATCH_SIZE", "20");
        boolean caughtWriting = false;
        for (int kill = 0; kill < 15 && !caughtWriting && Files.exists(inbox.resolve("crm.txt")); kill++) {
            Process process = start(smallBatches);
            int seen = standIn.requests().size();
            await().atMost(LONG_WAIT)
                    .until(() -> (standIn.requests().size() > seen + 2 && hasCheckpoint())
                            || !Files.exists(inbox.resolve("crm.txt")));
            killOnceASaveBegins(process);
            caughtWriting = !checkpointFiles(".tmp").isEmpty();
        }
        assertTrue(caughtWriting, "a kill landed while a checkpoint was written");
        assertTrue(Files.exists(inbox.resolve("crm.txt")), "the kills found the file part-way");

        Process process = start(smallBatches);
        JsonNode report = reportOnceDone("crm.txt");
        ForkedApplication.stop(process);

        assertTrue(report.path("resumedAtLine").asLong() > 0, "read on from the last whole checkpoint: " + report);
        Set<String> delivered = new HashSet<>(standIn.allValues());
        assertEquals(
                List.of(),
                numbers.stream().filter(n -> !delivered.contains(n)).limit(20).toList(),
                "nothing lost");
        assertEquals(List.of(), checkpointFiles(""), "no checkpoint is left once the file is done");
    }
}
