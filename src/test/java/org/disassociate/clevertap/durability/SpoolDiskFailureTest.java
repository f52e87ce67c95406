package org.disassociate.clevertap.durability;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.ManagementCalls;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A spool that cannot be written in the middle of a run: REST requests are refused with 503, a JSON body and
 * Retry-After, and none of their numbers is taken; readiness goes down with the spool check and comes back by itself
 * once the disk takes a write; what was acknowledged before is delivered.
 * <p>
 * The failure is made by putting a plain file where the spool's folder is, once every segment is placed and read: the
 * next segment cannot be created. A full tmpfs would be closer to a failing disk, but mounting one needs privileges
 * the build machines do not all give; a file in the way fails the same calls (creating and writing the segment) on
 * every machine, and running as root does not bypass it, as it bypasses a folder's permissions.
 */
class SpoolDiskFailureTest extends ApplicationTestSupport {

    private Path spoolDir() {
        return stateDir().resolve("spool");
    }

    private boolean spoolIsEmpty() throws Exception {
        return TestFiles.spoolFiles(spoolDir()).isEmpty();
    }

    @Test
    void aSpoolThatCannotBeWrittenRefusesWith503AndComesBackWithoutLosingAnAcknowledgedNumber() throws Exception {
        List<String> before = List.of(indian(80_000), indian(80_001));
        assertEquals(202, rest().json().bearer(TOKEN).postNumbers(before).statusCode());
        await().atMost(WAIT).until(() -> standIn.delivered().containsAll(before) && spoolIsEmpty());

        try (Stream<Path> spool = Files.walk(spoolDir())) {
            spool.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
        Files.writeString(spoolDir(), "in the way of the spool's folder");

        List<String> refused = List.of(indian(80_002));
        HttpResponse<String> unavailable = rest().json().bearer(TOKEN).postNumbers(refused);
        assertEquals(503, unavailable.statusCode(), unavailable.body());
        assertEquals("10", unavailable.headers().firstValue("Retry-After").orElse(null));
        assertTrue(json(unavailable).path("error").asText().contains("send it again"), unavailable.body());
        HttpResponse<String> readiness = ManagementCalls.get(managementPort, "/observe/health/ready");
        assertEquals(503, readiness.statusCode(), readiness.body());
        assertTrue(readiness.body().contains("the spool cannot be written"), readiness.body());

        Files.delete(spoolDir());
        await().atMost(WAIT).until(() -> ManagementCalls.isReady(managementPort));
        assertEquals(202, rest().json().bearer(TOKEN).postNumbers(refused).statusCode(), "sent again, taken");
        await().atMost(WAIT).until(() -> standIn.delivered().containsAll(refused));
        assertFalse(standIn.delivered().size() > 3, "each number once: " + standIn.delivered());
    }
}
