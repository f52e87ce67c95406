package org.disassociate.clevertap.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.disassociate.clevertap.Application;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real application in a JVM of its own, from the project root, configured through environment variables as an
 * operator does; its inbox, state, errors and broker in a work folder, its output in {@code output.log} there. The
 * runtime is the system property {@code runtime}: {@code camel-main} (the default: {@code Application.main} on the
 * test class path) or {@code quarkus} ({@code java -jar target/quarkus-app/quarkus-run.jar}, as built by
 * {@code -Dcamel-quarkus}).
 */
public final class ForkedApplication {

    static final boolean QUARKUS = "quarkus".equals(System.getProperty("runtime"));
    /** How long a forked application may take to start, or over a file or a queue of tens of thousands of numbers. */
    public static final Duration LONG_WAIT = Duration.ofMinutes(2);

    private ForkedApplication() {}

    /** The one switch that turns the sandbox on, for the runtime under test. */
    public static Map<String, String> sandbox() {
        return QUARKUS ? Map.of("QUARKUS_PROFILE", "prod,sandbox") : Map.of("CAMEL_MAIN_PROFILE", "sandbox");
    }

    public record Run(int exitCode, String output) {}

    /** The command, with free ports and the work folder's paths; {@code env} adds to or overrides them. */
    public static ProcessBuilder builder(Path work, Map<String, String> env, String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        if (QUARKUS) {
            command.addAll(List.of(
                    "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Application.class.getName()));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve("output.log").toFile()));
        withoutSettings(builder.environment());
        builder.environment().put("INTAKE_FILE_DIR", work.resolve("inbox").toString());
        builder.environment().put("ERRORS_DIR", work.resolve("errors").toString());
        builder.environment().put("STATE_DIR", work.resolve("state").toString());
        builder.environment().put("JMS_EMBEDDED_PORT", String.valueOf(Fixtures.freePort()));
        builder.environment()
                .put("JMS_EMBEDDED_DATA_DIR", work.resolve("broker").toString());
        builder.environment().put("INTAKE_REST_PORT", String.valueOf(Fixtures.freePort()));
        builder.environment().put("MANAGEMENT_PORT", String.valueOf(Fixtures.freePort()));
        builder.environment().putAll(env);
        return builder;
    }

    /** The environment without any of the service's settings: a child JVM has only those a test gives it. */
    public static void withoutSettings(Map<String, String> environment) {
        environment
                .keySet()
                .removeIf(k -> k.startsWith("CLEVERTAP_")
                        || k.startsWith("INTAKE_")
                        || k.startsWith("ERRORS_")
                        || k.startsWith("STATE_")
                        || k.startsWith("JMS_")
                        || k.startsWith("CAMEL_")
                        || k.startsWith("MANAGEMENT_")
                        || k.startsWith("PROGRESS_")
                        || k.startsWith("QUARKUS_")
                        || k.startsWith("OTEL_")
                        || k.equals("ONCE"));
    }

    public static Run runToExit(Map<String, String> env) throws Exception {
        Path work = TestFiles.newWorkFolder();
        Process process = builder(work, env).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the application should stop by itself");
        return new Run(process.exitValue(), Files.readString(work.resolve("output.log")));
    }

    /** SIGTERM, as an operator stops it: it must be gone within 60 s. */
    public static void stop(Process process) throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "a SIGTERM stops the application");
    }

    /** SIGTERM to every one at once, as an operator stops a fleet: their stops overlap; each must be gone within 60 s. */
    public static void stopAll(Collection<Process> processes) throws InterruptedException {
        List<Process> alive = processes.stream().filter(Process::isAlive).toList();
        alive.forEach(Process::destroy);
        for (Process process : alive) {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "a SIGTERM stops the application");
        }
    }

    /** SIGKILL, as a crash: no shutdown hook, no flush. */
    public static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "a SIGKILL stops the application");
    }
}
