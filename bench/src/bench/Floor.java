package bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The floor: the simplest correct hand-written JDK program doing the same work. Reads the lines, validates and
 * normalises them with libphonenumber on every core, sends batches of 1000 with java.net.http, 3 requests at once.
 * No durability, no routing, no retries. It runs in a JVM of its own ({@link #main}), as fresh as the service: run after
 * run in one process, the floor's libphonenumber was already compiled by the JIT (a warm floor took 5.7 s where a fresh
 * one took 11).
 *
 * @param seconds        the whole run: reading, checking, sending
 * @param sendingSeconds its sending alone: from its first request (every number already checked) to its last answer
 * @param cpuSeconds     its whole JVM's CPU
 */
record Floor(double seconds, double sendingSeconds, double cpuSeconds) {

    /** The floor's JVM: {@code bench.Floor <file> <base URL> <runs>}; prints "FLOOR seconds sending-seconds cpu-seconds". */
    public static void main(String[] args) throws Exception {
        Floor last = null;
        for (int run = 0; run < Integer.parseInt(args[2]); run++) {
            last = run(Path.of(args[0]), args[1], 3, "IN");
        }
        System.out.printf(
                java.util.Locale.ROOT, "FLOOR %f %f %f%n", last.seconds, last.sendingSeconds, Cpu.benchSeconds());
    }

    static Floor runFresh(Path file, String baseUrl) throws Exception {
        return runFresh(file, baseUrl, false);
    }

    /** A run in a JVM of its own; {@code warm}: the run measured is the JVM's second, the JIT having compiled the first's work. */
    static Floor runFresh(Path file, String baseUrl, boolean warm) throws Exception {
        Process child = new ProcessBuilder(
                        Workspace.jdkTool("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Floor.class.getName(),
                        file.toString(),
                        baseUrl,
                        String.valueOf(warm ? 2 : 1))
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (child.waitFor() != 0 || !output.contains("FLOOR ")) {
            throw new IllegalStateException("the floor failed:\n" + output);
        }
        String[] figures = output.substring(output.indexOf("FLOOR ") + 6).trim().split("\\s+");
        return new Floor(
                Double.parseDouble(figures[0]), Double.parseDouble(figures[1]), Double.parseDouble(figures[2]));
    }

    static Floor run(Path file, String baseUrl, int concurrency, String country) throws Exception {
        long start = System.nanoTime();
        List<String> lines = Files.readAllLines(file);
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String[] e164 = lines.parallelStream()
                .map(String::strip)
                .map(line -> {
                    try {
                        var parsed = util.parse(line, country);
                        return util.isValidNumber(parsed)
                                ? util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)
                                : null;
                    } catch (Exception e) {
                        return null;
                    }
                })
                .filter(v -> v != null)
                .toArray(String[]::new);
        HttpClient http = HttpClient.newHttpClient();
        long sending = System.nanoTime();
        Semaphore slots = new Semaphore(concurrency);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int from = 0; from < e164.length; from += 1000) {
            StringBuilder body = new StringBuilder("{\"d\":[");
            for (int i = from; i < Math.min(from + 1000, e164.length); i++) {
                body.append(i > from ? "," : "")
                        .append("{\"type\":\"phone\",\"value\":\"")
                        .append(e164[i])
                        .append("\"}");
            }
            body.append("]}");
            slots.acquire();
            pending.add(http.sendAsync(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/1/disassociate"))
                                    .header("Content-Type", "application/json; charset=utf-8")
                                    .header("X-CleverTap-Account-Id", StandIn.ACCOUNT)
                                    .header("X-CleverTap-Passcode", StandIn.PASSCODE)
                                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> slots.release()));
        }
        for (var future : pending) {
            future.join();
        }
        long end = System.nanoTime();
        return new Floor((end - start) / 1e9, (end - sending) / 1e9, 0);
    }
}
