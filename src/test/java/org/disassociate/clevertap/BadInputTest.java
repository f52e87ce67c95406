package org.disassociate.clevertap;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Input that is not what it should be gets a clear error, and never costs the valid numbers around it. */
class BadInputTest extends ApplicationTestSupport {

    private static final String A = "+919812345601";
    private static final String B = "+919812345602";

    @Test
    void anEmptyFileIsDoneWithNothingSent() {
        drop("empty.txt", "");
        drop("after-empty.txt", A + "\n");

        awaitDone("empty.txt");
        awaitDone("after-empty.txt");
        assertEquals(List.of(A), standIn.allValues());
        assertEquals(List.of(), errors());
    }

    @Test
    void aTenMegabyteLineIsOneErrorRecordAndTheNumbersAroundItGoOut() {
        drop("long-line.txt", A + "\n" + "9".repeat(10 * 1024 * 1024) + "\n" + B + "\n");

        awaitDone("long-line.txt");
        assertEquals(List.of(A, B), standIn.allValues());
        List<JsonNode> errors = errors();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).path("error").asText().startsWith("too long for a phone number"), errors.toString());
        assertTrue(errors.get(0).path("record").path("value").asText().length() < 400, "the line is not copied whole");
    }

    @Test
    void aBinaryFileIsRefusedWholeAndTheNextFileStillGoesThrough() {
        byte[] binary = new byte[64 * 1024];
        new Random(7).nextBytes(binary);
        binary[100] = 0;
        drop("export.txt", binary);
        drop("after-binary.txt", A + "\n");

        awaitFailed("export.txt");
        awaitDone("after-binary.txt");
        assertEquals(List.of(A), standIn.allValues());
        assertEquals(List.of(), errors(), "no garbage lines in the error channel");
    }

    @Test
    void invalidUtf8FailsOnlyItsOwnLine() {
        byte[] bad = {(byte) 0xff, (byte) 0xfe, '9', '8', '1', '2', '3'};
        byte[] before = (A + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] after = ("\n" + B + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[before.length + bad.length + after.length];
        System.arraycopy(before, 0, content, 0, before.length);
        System.arraycopy(bad, 0, content, before.length, bad.length);
        System.arraycopy(after, 0, content, before.length + bad.length, after.length);
        drop("latin1.txt", content);

        awaitDone("latin1.txt");
        assertEquals(List.of(A, B), standIn.allValues());
        assertEquals(1, errors().size());
        assertEquals(
                "\uFFFD\uFFFD98123",
                errors().get(0).path("record").path("value").asText());
    }

    @Test
    void aFiftyMegabyteRestBodyIs413AndTheNextRequestIsTaken() throws Exception {
        String huge =
                "{\"d\":[" + ("{\"type\":\"phone\",\"value\":\"" + A + "\"},").repeat(50 * 1024 * 1024 / 40) + "]}";

        assertEquals(413, postJson(huge).statusCode());
        HttpResponse<String> next = postJson(TestFiles.disassociateBody(List.of(B)));

        assertEquals(202, next.statusCode());
        await().atMost(WAIT).until(() -> standIn.allValues().equals(List.of(B)));
    }

    @Test
    void aDeeplyNestedJsonBodyIs400WithAReason() throws Exception {
        String nested = "{\"d\":[" + "[".repeat(100_000) + "]".repeat(100_000) + "]}";

        HttpResponse<String> response = postJson(nested);

        assertEquals(400, response.statusCode());
        assertTrue(json(response).path("error").asText().contains("nesting depth"), response.body());
        assertEquals(202, postJson(TestFiles.disassociateBody(List.of(A))).statusCode());
        await().atMost(WAIT).until(() -> standIn.allValues().equals(List.of(A)));
    }
}
