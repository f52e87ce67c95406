package org.disassociate.clevertap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inbox files as spreadsheets and editors write them: broken halfway, or with a byte order mark. */
class FileEdgeCasesTest extends ApplicationTestSupport {

    private static final String A = "+919812345601";
    private static final String B = "+919812345602";
    private static final String C = "+919812345603";

    @Test
    void aCsvBrokenHalfwayDeliversTheRowsBeforeAndGoesToFailedWithAReport() throws Exception {
        drop("broken.csv", "name,phone\nasha," + A + "\nravi," + B + "\nmeena," + C
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
}
