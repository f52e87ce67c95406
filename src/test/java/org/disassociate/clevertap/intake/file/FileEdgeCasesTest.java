package org.disassociate.clevertap.intake.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inbox files as spreadsheets, editors and exports write them: broken halfway, with a byte order mark, or written
 * into the inbox slowly.
 */
class FileEdgeCasesTest extends ApplicationTestSupport {

    private static final String A = "+919812345601";
    private static final String B = "+919812345602";
    private static final String C = "+919812345603";

    @Test
    void aCsvBrokenHalfwayDeliversTheRowsBeforeAndGoesToFailedWithAReport() throws Exception {
        drop(
                "broken.csv",
                "name,phone\nasha," + A + "\nravi," + B + "\nmeena," + C
                        + "\n\"unclosed,+919812345604\nlata,+919812345605\n");

        awaitFailed("broken.csv");
        Path report = inbox().resolve(".failed").resolve("broken.csv.report.json");
        await().atMost(WAIT).until(() -> Files.exists(report));
        await().atMost(WAIT).until(() -> standIn.allValues().containsAll(List.of(A, B, C)));
        assertEquals(List.of(A, B, C), standIn.allValues());
        JsonNode json = CleverTapStandIn.MAPPER.readTree(report.toFile());
        assertEquals("failed", json.path("outcome").asText(), json.toString());
        assertTrue(json.path("reason").asText().contains("not readable as CSV"), json.toString());
    }

    @Test
    void aByteOrderMarkBeforeTheFirstNumberOrTheCsvHeaderIsIgnored() {
        drop("bom.txt", "\uFEFF" + A + "\n");
        // an editor's BOM before a comment line: still a comment, not an invalid number
        drop("bom-comment.txt", "\uFEFF# CRM export\n" + B + "\n");
        drop("bom.csv", "\uFEFFphone,name\n" + C + ",meena\n");

        awaitDone("bom.txt");
        awaitDone("bom-comment.txt");
        awaitDone("bom.csv");
        await().atMost(WAIT).until(() -> standIn.allValues().size() >= 3);
        assertEquals(List.of(A, B, C), standIn.allValues().stream().sorted().toList());
        assertEquals(List.of(), errors(), "no error record for the first line");
    }

    @Test
    // the writer's task is ended by the executor's shutdown, not through its future
    @SuppressWarnings("FutureReturnValueIgnored")
    void aFileStillBeingWrittenIntoTheInboxIsTakenOnlyOnceItsWriterHasFinished() throws Exception {
        // a writer that appends a number every 150 ms for 3 s, straight into the inbox (no .part name): taken any
        // earlier, the file would be read in part, moved to .done/, and the rest written to a new file of that name
        List<String> numbers = new ArrayList<>();
        for (long n = 0; n < 20; n++) {
            numbers.add(indian(45_000_000 + n));
        }
        Path file = inbox().resolve("slow-export.txt");
        AtomicInteger written = new AtomicInteger();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try {
            writer.scheduleAtFixedRate(
                    () -> {
                        int next = written.get();
                        if (next < numbers.size()) {
                            try {
                                Files.writeString(
                                        file,
                                        numbers.get(next) + "\n",
                                        StandardCharsets.UTF_8,
                                        StandardOpenOption.CREATE,
                                        StandardOpenOption.APPEND);
                                written.incrementAndGet();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    },
                    0,
                    150,
                    TimeUnit.MILLISECONDS);

            awaitDone("slow-export.txt");
            Path report = inbox().resolve(".done").resolve("slow-export.txt.report.json");
            await().atMost(WAIT).until(() -> Files.exists(report));
            assertEquals(numbers.size(), written.get(), "taken only after its last line was written");
            JsonNode json = CleverTapStandIn.MAPPER.readTree(report.toFile());
            assertEquals(numbers.size(), json.path("accepted").asInt(), "read once, whole: " + json);
            await().atMost(WAIT).until(() -> standIn.allValues().containsAll(numbers));
            assertTrue(Files.notExists(file), "no second file of the same name");
        } finally {
            writer.shutdownNow();
        }
    }
}
