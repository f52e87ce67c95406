package org.disassociate.clevertap;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.disassociate.clevertap.operations.OnceRun;
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
 * {@code java -jar … --once}, as cron and CI jobs run it: the inbox is worked, and the exit status says how it went.
 * The real {@code main} in a JVM of its own.
 */
class OnceModeIT {

    @RegisterExtension
    static final CleverTapStandIn standIn = new CleverTapStandIn();

    record Run(int exitCode, String output, Path inbox) {}

    private Run runOnce(Map<String, String> files, Map<String, String> extraEnv, boolean onCommandLine)
            throws Exception {
        Map<String, byte[]> bytes = new HashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return runOnceWith(bytes, extraEnv, onCommandLine);
    }

    private Run runOnceWith(Map<String, byte[]> files, Map<String, String> extraEnv, boolean onCommandLine)
            throws Exception {
        Path work = TestFiles.newWorkFolder();
        Path inbox = work.resolve("inbox");
        files.forEach((name, content) -> TestFiles.drop(inbox, name, content));
        Map<String, String> env = new HashMap<>(
                standIn.environment(Map.of("CLEVERTAP_BATCH_TIMEOUT_MS", "300", "INTAKE_JMS_ENABLED", "false")));
        env.putAll(extraEnv);
        if (!onCommandLine) {
            env.put("ONCE", "true");
        }
        ProcessBuilder builder = ForkedApplication.builder(work, env);
        if (onCommandLine) {
            builder.command().add("--once");
        }
        Process process = builder.start();
        assertTrue(
                process.waitFor(90, TimeUnit.SECONDS), "the application should stop by itself once the inbox is done");
        String output = Files.readString(work.resolve("output.log"));
        assertFalse(output.contains(CleverTapStandIn.PASSCODE), "the passcode is never logged");
        return new Run(process.exitValue(), output, inbox);
    }

    @Test
    void everyNumberProcessedExitsZeroAfterTheFilesAreDoneWithProgressOnTheWay() throws Exception {
        standIn.reset();
        standIn.answerAfter(800);
        Run run = runOnce(
                Map.of("first.txt", processable(2500, 1), "second.txt", processable(10, 5000)),
                Map.of("PROGRESS_INTERVAL_MS", "300"),
                true);

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(Files.exists(run.inbox().resolve(".done/first.txt"))
                && Files.exists(run.inbox().resolve(".done/second.txt")));
        assertTrue(Files.exists(run.inbox().resolve(".done/first.txt.report.json")));
        assertEquals(2510, standIn.delivered().size());
        assertTrue(
                run.output().contains("Working file:first.txt: 2500 read"),
                "a progress line while the file is worked:\n" + run.output());
        assertTrue(
                run.output()
                        .contains("Once: 2 file(s) (0 could not be read), 2510 numbers processed by CleverTap, "
                                + "0 to the error channel"),
                run.output());
    }

    /** Numbers the stand-in processes: none ends in 99 (which it answers with code 523). */
    private static String processable(int count, long first) {
        StringBuilder text = new StringBuilder();
        for (long n = first; count > 0; n++) {
            if (n % 100 != 99) {
                text.append(Fixtures.indian(n)).append('\n');
                count--;
            }
        }
        return text.toString();
    }

    @Test
    void numbersInTheErrorChannelExitTwo() throws Exception {
        standIn.reset();
        Run run = runOnce(Map.of("list.txt", "+919812345601\nnot-a-number\n+919812345699\n"), Map.of(), false);

        assertEquals(OnceRun.SOME_FAILED, run.exitCode(), run.output());
        assertTrue(
                run.output()
                        .contains(
                                "2 to the error channel (1 invalid, 1 not processed, 0 of them in batches that failed as a whole)"),
                run.output());
    }

    @Test
    void anUnreadableFileExitsTwoAndGoesToFailedWhileTheGoodFileIsDone() throws Exception {
        standIn.reset();
        byte[] binary = "PK\u0003\u0004+919812345601\n".getBytes(StandardCharsets.UTF_8);
        binary[4] = 0;
        Run run = runOnceWith(
                Map.of("archive.txt", binary, "good.txt", processable(3, 1).getBytes(StandardCharsets.UTF_8)),
                Map.of(),
                true);

        assertEquals(OnceRun.SOME_FAILED, run.exitCode(), run.output());
        assertTrue(Files.exists(run.inbox().resolve(".failed/archive.txt")), "the binary file is in .failed/");
        assertTrue(Files.exists(run.inbox().resolve(".done/good.txt")), "the good file is in .done/");
        assertEquals(3, standIn.delivered().size(), "the good file's numbers, and nothing of the binary one");
        assertTrue(run.output().contains("Once: 2 file(s) (1 could not be read)"), run.output());
    }

    @Test
    void aRefusedAccountExitsOne() throws Exception {
        standIn.reset();
        Run run =
                runOnce(Map.of("list.txt", "+919812345601\n"), Map.of("CLEVERTAP_PASSCODE", "a-wrong-passcode"), true);

        assertEquals(OnceRun.NOT_WORKING, run.exitCode(), run.output());
        assertTrue(run.output().contains("CleverTap answered 401"), run.output());
        assertFalse(run.output().contains("a-wrong-passcode"), "the passcode is never logged, right or wrong");
    }

    @Test
    void withTheEmbeddedBrokerOnTheProcessEndsRightAfterItsSummary() throws Exception {
        // the JMS intake on (its embedded broker, connected in-VM): no thread of it may keep the JVM alive after the
        // stop (Artemis' in-VM connector threads are not daemons and idle 60 s: a cron job ran a minute longer)
        standIn.reset();
        Path work = TestFiles.newWorkFolder();
        TestFiles.drop(work.resolve("inbox"), "list.txt", "+919812345601\n");
        Process process = ForkedApplication.builder(
                        work,
                        standIn.environment(Map.of(
                                "CLEVERTAP_BATCH_TIMEOUT_MS", "300", "INTAKE_JMS_ENABLED", "true", "ONCE", "true")))
                .start();
        process.getOutputStream().close();
        Path log = work.resolve("output.log");
        try {
            await().atMost(java.time.Duration.ofSeconds(90))
                    .until(() -> Files.exists(log) && Files.readString(log).contains("Once: 1 file(s)"));
            // the summary is logged as the stop begins, which takes a few seconds
            assertTrue(
                    process.waitFor(15, TimeUnit.SECONDS),
                    "the JVM lingers after its summary:\n" + Files.readString(log));
            assertEquals(0, process.exitValue(), Files.readString(log));
        } finally {
            process.destroyForcibly();
        }
    }
}
