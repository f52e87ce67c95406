package bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real application jar, started in a JVM of its own in its own folder with free loopback ports, pointed at a
 * stand-in's default account; ready once its readiness check answers 200.
 */
final class App {

    final Process process;
    final Path work;
    final int restPort;
    final int managementPort;

    private App(Process process, Path work, int restPort, int managementPort) {
        this.process = process;
        this.work = work;
        this.restPort = restPort;
        this.managementPort = managementPort;
    }

    /** Starts it and waits until it is ready (300 s at most). A null value in {@code env} unsets the variable. */
    static App start(Path work, StandIn standIn, Map<String, String> env, String... jvm) throws Exception {
        App app = create(work, standIn, env, jvm);
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (!app.ready()) {
            if (!app.process.isAlive()) {
                throw new IllegalStateException("the application did not start; see " + work.resolve("app.log"));
            }
            if (System.nanoTime() > deadline) {
                app.process.destroyForcibly().waitFor();
                throw new IllegalStateException(
                        "the application was not ready in 300 s; see " + work.resolve("app.log"));
            }
            Thread.sleep(10);
        }
        return app;
    }

    /** Starts it, not waiting for it to be ready. */
    static App create(Path work, StandIn standIn, Map<String, String> env, String... jvm) throws Exception {
        int restPort = Workspace.freePort();
        int managementPort = Workspace.freePort();
        List<String> command = new ArrayList<>(List.of(Workspace.jdkTool("java")));
        command.addAll(List.of(jvm));
        // e.g. BENCH_APP_JVM="-XX:StartFlightRecording=filename=/tmp/app.jfr,settings=profile": a profile of the
        // application
        String extra = System.getenv("BENCH_APP_JVM");
        if (extra != null && !extra.isBlank()) {
            command.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", Workspace.JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(work.resolve("app.log").toFile()));
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("CLEVERTAP_")
                        || k.startsWith("INTAKE_")
                        || k.startsWith("CAMEL_")
                        || k.startsWith("JMS_")
                        || k.startsWith("ERRORS_")
                        || k.startsWith("STATE_")
                        || k.startsWith("MANAGEMENT_")
                        || k.startsWith("PROGRESS_")
                        || k.equals("ONCE"));
        builder.environment()
                .putAll(Map.of(
                        "CLEVERTAP_REGION",
                        "in1",
                        "CLEVERTAP_BASE_URL",
                        standIn.url(),
                        "CLEVERTAP_ACCOUNT_ID",
                        StandIn.ACCOUNT,
                        "CLEVERTAP_PASSCODE",
                        StandIn.PASSCODE,
                        "CLEVERTAP_BATCH_TIMEOUT_MS",
                        "200",
                        "INTAKE_REST_PORT",
                        String.valueOf(restPort),
                        "INTAKE_REST_TOKEN",
                        "bench-token",
                        "JMS_EMBEDDED_PORT",
                        String.valueOf(Workspace.freePort()),
                        "CAMEL_SERVER_HOST",
                        "127.0.0.1",
                        "LOG_LEVEL",
                        System.getenv().getOrDefault("BENCH_APP_LOG", "WARN")));
        builder.environment().put("MANAGEMENT_PORT", String.valueOf(managementPort));
        env.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        return new App(builder.start(), work, restPort, managementPort);
    }

    /** /observe/health/ready: the routes run, every consumer has polled, CleverTap and the error channel are fine. */
    boolean ready() {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create("http://127.0.0.1:" + managementPort + "/observe/health/ready")
                            .toURL()
                            .openConnection();
            connection.setConnectTimeout(100);
            connection.setReadTimeout(1000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until it is ready (120 s at most), or throws if it dies first. */
    void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("an instance did not get ready; see " + log());
            }
            Thread.sleep(10);
        }
    }

    /** Throws if the process has died. */
    void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the application died; see " + log());
        }
    }

    Path log() {
        return work.resolve("app.log");
    }

    /** CPU seconds the application's process has used so far (every thread: the broker's, the routes', GC). */
    double cpuSeconds() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(d -> d.toNanos() / 1e9)
                .orElse(0.0);
    }

    /** The sum of a metric's series on /observe/metrics (Prometheus text), 0 when absent or unreachable. */
    double metric(String name) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create("http://127.0.0.1:" + managementPort + "/observe/metrics")
                            .toURL()
                            .openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .filter(line -> line.startsWith(name + "_total")
                                || line.startsWith(name + "{")
                                || line.startsWith(name + " "))
                        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                        .sum();
            } finally {
                connection.disconnect();
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The process's peak RSS (VmHWM) in kB, 0 once it is gone. */
    long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        return 0;
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
