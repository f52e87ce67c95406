package org.disassociate.clevertap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.Fixtures;
import org.disassociate.clevertap.testing.ForkedApplication;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM, as Kubernetes or systemd stop the real application in a JVM of its own, while a request to CleverTap is in
 * flight: the request is answered and settled before the process exits, and nothing is sent again.
 */
class GracefulStopIT {

    @RegisterExtension
    static final CleverTapStandIn standIn = new CleverTapStandIn();

    @Test
    void aSigtermWaitsForTheRequestInFlightAndSettlesIt() throws Exception {
        standIn.answerAfter(3000);
        Path work = TestFiles.newWorkFolder();
        Path inbox = work.resolve("inbox");
        List<String> numbers = List.of(Fixtures.indian(700), Fixtures.indian(701), Fixtures.indian(702));
        Process process = ForkedApplication.builder(
                        work,
                        standIn.environment(Map.of(
                                "CLEVERTAP_BATCH_TIMEOUT_MS", "300",
                                "INTAKE_JMS_ENABLED", "false")))
                .start();
        try {
            TestFiles.drop(inbox, "few.txt", String.join("\n", numbers) + "\n");

            await().atMost(Fixtures.WAIT).until(() -> standIn.requests().size() == 1 || !process.isAlive());
            assertTrue(process.isAlive(), "the application runs until the request is sent");
            process.destroy();

            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "a SIGTERM stops the application within 30 s");
            String log = Files.readString(work.resolve("output.log"));
            assertTrue(
                    Files.exists(inbox.resolve(".done").resolve("few.txt")),
                    "the in-flight request's numbers are settled: the file is done\n" + log);
            assertEquals(List.of(numbers), standIn.batches(), "sent once, not again");
            assertFalse(log.contains(CleverTapStandIn.PASSCODE), "the passcode is never logged");
            // the JVM's status after a SIGTERM it handled with its shutdown hooks: 128 + 15
            assertEquals(143, process.exitValue(), "stopped by the SIGTERM, after the graceful stop:\n" + log);
        } finally {
            process.destroyForcibly();
        }
    }
}
