package org.disassociate.clevertap;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.Fixtures;
import org.disassociate.clevertap.testing.ForkedApplication;
import org.disassociate.clevertap.testing.ManagementCalls;
import org.disassociate.clevertap.testing.RestCalls;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A spool that cannot be written, on the packaged application of either runtime ({@link ForkedApplication}): the
 * REST request is refused with 503, and readiness says why with the spool's own check, then comes back by itself. On
 * Camel Quarkus this shows that the readiness served is that of the configured check (DurabilityBeans), which
 * knows the spool, and not only a copy Quarkus makes of it without its properties. The failure is made as in
 * SpoolDiskFailureTest: a plain file where the spool's folder is.
 */
class RuntimeSpoolFailureIT {

    @RegisterExtension
    static final CleverTapStandIn standIn = new CleverTapStandIn();

    private Process application;

    @AfterEach
    void stop() throws Exception {
        if (application != null) {
            ForkedApplication.stop(application);
        }
    }

    @Test
    void aSpoolThatCannotBeWrittenIs503AndReadinessSaysSoUntilItCanAgain() throws Exception {
        Path work = TestFiles.newWorkFolder();
        int restPort = Fixtures.freePort();
        int managementPort = Fixtures.freePort();
        application = ForkedApplication.builder(
                        work,
                        standIn.environment(Map.of(
                                "INTAKE_REST_TOKEN",
                                Fixtures.TOKEN,
                                "INTAKE_REST_PORT",
                                String.valueOf(restPort),
                                "MANAGEMENT_PORT",
                                String.valueOf(managementPort),
                                "CLEVERTAP_BATCH_TIMEOUT_MS",
                                "300")))
                .start();
        await().atMost(Fixtures.WAIT.multipliedBy(2)).until(() -> ManagementCalls.isReady(managementPort));
        Path spool = work.resolve("state").resolve("spool");
        List<String> before = List.of("+919800000701");
        assertEquals(
                202,
                RestCalls.to(restPort)
                        .json()
                        .bearer(Fixtures.TOKEN)
                        .postNumbers(before)
                        .statusCode());
        await().atMost(Fixtures.WAIT).until(() -> standIn.delivered().containsAll(before) && empty(spool));

        try (Stream<Path> files = Files.walk(spool)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.writeString(spool, "in the way of the spool's folder");

        HttpResponse<String> refused =
                RestCalls.to(restPort).json().bearer(Fixtures.TOKEN).postNumbers(List.of("+919800000702"));
        assertEquals(503, refused.statusCode(), refused.body());
        HttpResponse<String> readiness = ManagementCalls.get(managementPort, "/observe/health/ready");
        assertEquals(503, readiness.statusCode(), readiness.body());
        assertTrue(readiness.body().contains("the spool cannot be written"), readiness.body());

        Files.delete(spool);
        await().atMost(Fixtures.WAIT).until(() -> ManagementCalls.isReady(managementPort));
    }

    private static boolean empty(Path spool) {
        return TestFiles.spoolFiles(spool).isEmpty();
    }
}
