package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static bench.Report.f0;
import static bench.Report.f1;
import static bench.Report.ms;

/**
 * Row 4w: wrk against the REST intake, each request one distinct number with CleverTap's own headers
 * (bench/rest-wrk.lua). Requests/s, latency percentiles, the answers that were not 202; then, once the spool has
 * drained, whether every number sent reached the stand-in. Skipped when wrk is not installed.
 */
final class RestWrkMeasure implements Measure {

    /** The first number of the run measured (the 8 digits after +9198), and of its warm-up. */
    static final long FIRST = 70_000_000L;

    static final long WARMUP_FIRST = 90_000_000L;
    static final Path SCRIPT = Path.of("bench/rest-wrk.lua");

    @Override
    public Map<String, String> names() {
        return Map.of(
                "rest-wrk",
                "row 4w: wrk (bench/rest-wrk.lua) against the REST intake, one distinct number a request with"
                        + " CleverTap's headers; requests/s, latency, every number at the stand-in. Needs wrk");
    }

    @Override
    public void run(Options options, Set<String> chosen, Report report) throws Exception {
        int threads = options.integer("wrk-threads");
        int connections = options.integer("wrk-connections");
        int seconds = options.integer("wrk-seconds");
        int warmup = options.integer("wrk-warmup");
        int per = options.integer("wrk-numbers");
        String wrk = Workspace.onPath("wrk");
        if (wrk == null) {
            System.out.println("wrk is not installed: apt-get install wrk");
            report.row("4w. REST, wrk", "skipped", "wrk is not installed: apt-get install wrk", "");
            return;
        }
        try (StandIn standIn = StandIn.start()) {
            Path work = Workspace.scratch();
            App app = App.start(work, standIn, Map.of(), "-Xmx256m");
            try {
                String url = "http://127.0.0.1:" + app.restPort + "/1/disassociate";
                if (warmup > 0) {
                    Map<String, String> warm =
                            wrk(wrk, url, threads, connections, warmup, WARMUP_FIRST, per, new double[1]);
                    System.out.printf(
                            "rest-wrk warm-up: %s requests in %d s, not measured%n", warm.get("requests"), warmup);
                }
                double appCpu = app.cpuSeconds();
                double benchCpu = Cpu.benchSeconds();
                double machineCpu = Cpu.machineSeconds();
                double[] wrkCpu = new double[1];
                Map<String, String> result = wrk(wrk, url, threads, connections, seconds, FIRST, per, wrkCpu);
                double duration = Long.parseLong(result.get("duration_us")) / 1e6;
                double appUsed = app.cpuSeconds() - appCpu;
                double benchUsed = Cpu.benchSeconds() - benchCpu;
                // what other processes on the machine took meanwhile (others' builds): a run with much of it is not
                // comparable
                double others = Math.max(0, Cpu.machineSeconds() - machineCpu - appUsed - wrkCpu[0] - benchUsed);
                String cpu = "CPU: application " + f1(appUsed) + " s, wrk " + f1(wrkCpu[0]) + " s, stand-in "
                        + f1(benchUsed) + " s, other processes " + f1(others) + " s, of " + f1(duration * Cpu.cores())
                        + " s on " + Cpu.cores() + " cores";
                long requests = Long.parseLong(result.get("requests"));
                long answered202 = Long.parseLong(result.get("answered202"));
                long non202 = Long.parseLong(result.get("non202"));

                // every number wrk sent: thread i of n sent first + i + n * k for k below its count, but thread 0's
                // first
                // request (wrk calls request() once before the run to check the script, and never sends it)
                String[] sentBy = result.get("sent_by_thread").split(",");
                int stride = Integer.parseInt(result.get("stride"));
                List<String> sent = new ArrayList<>();
                for (int t = 0; t < sentBy.length; t++) {
                    for (long k = t == 0 ? per : 0; k < Long.parseLong(sentBy[t]); k++) {
                        sent.add(String.format("+9198%08d", FIRST + t + stride * k));
                    }
                }
                long unanswered = sent.size() / per - requests;
                double drainSeconds = awaitDrained(standIn, app, work.resolve("data/state/spool"), sent);
                long missing = sent.stream()
                        .filter(n -> !standIn.receivedAt.containsKey(n))
                        .count();
                long twice = standIn.values.get() - standIn.receivedAt.size();
                if (missing > 0) {
                    // which ones, and where they stood in their thread's sequence (the last of each connection:
                    // unanswered)
                    System.out.println("rest-wrk: not at the stand-in, e.g. "
                            + sent.stream()
                                    .filter(n -> !standIn.receivedAt.containsKey(n))
                                    .limit(Integer.getInteger("bench.wrk-missing-shown", 5))
                                    .map(n -> {
                                        long k = (Long.parseLong(n.substring(5)) - FIRST)
                                                / stride; // the thread's k-th number
                                        int t = (int) ((Long.parseLong(n.substring(5)) - FIRST) % stride);
                                        return n + " (thread " + t + ", number " + (k + 1) + " of " + sentBy[t] + ")";
                                    })
                                    .toList());
                }
                String delivered = missing == 0
                        ? "every number sent (" + sent.size() + ", " + answered202 * per
                                + " answered 202) reached the stand-in"
                        : missing + " of " + sent.size() + " numbers sent did not reach the stand-in (" + unanswered
                                + " requests were unanswered when wrk stopped, " + non202 + " not 202)";
                String command =
                        "wrk -t" + threads + " -c" + connections + " -d" + seconds + "s --timeout 10s --latency -s "
                                + SCRIPT + " " + url + " -- " + FIRST + " " + threads + (per > 1 ? " " + per : "");
                System.out.printf(
                        "rest-wrk: %s; spool drained %.1f s after wrk ended; %d sent twice; %s%n",
                        delivered, drainSeconds, twice, cpu);
                report.row(
                        "4w. REST, wrk, " + connections + " connections, " + threads + " threads, "
                                + (per == 1 ? "one number" : per + " numbers") + " a request"
                                + (warmup > 0 ? ", after " + warmup + " s of warm-up" : ""),
                        requests + " requests in " + f1(duration) + " s",
                        f0(requests / duration) + " requests/s"
                                + (per > 1 ? " = " + f0(requests * per / duration) + " numbers/s" : "")
                                + ", latency p50 " + ms(result.get("p50_us")) + " / p90 "
                                + ms(result.get("p90_us")) + " / p99 " + ms(result.get("p99_us")) + " ms",
                        "non-202: " + non202 + (non202 > 0 ? " (" + result.get("statuses") + ")" : "") + "; "
                                + delivered
                                + "; socket errors " + result.get("errors_connect") + "/" + result.get("errors_read")
                                + "/"
                                + result.get("errors_write") + "/" + result.get("errors_timeout")
                                + " (connect/read/write/timeout); " + cpu
                                + " (target >= 10,000/s, p99 <= 50 ms); `" + command + "`");
            } finally {
                app.stop();
            }
        }
    }

    /**
     * Until the spool has drained: no spool file left, and every number sent has arrived (or nothing more arrives for
     * 5 s; 300 s at most). Seconds it took.
     */
    private static double awaitDrained(StandIn standIn, App app, Path spool, List<String> sent) throws Exception {
        long drainStart = System.nanoTime();
        long lastChange = drainStart;
        int lastSize = -1;
        while (true) {
            app.checkAlive();
            int size = standIn.receivedAt.size();
            if (size != lastSize) {
                lastSize = size;
                lastChange = System.nanoTime();
            }
            boolean drained = Workspace.filesIn(spool) == 0;
            long missing = sent.stream()
                    .filter(n -> !standIn.receivedAt.containsKey(n))
                    .count();
            if (drained && missing == 0
                    || drained && System.nanoTime() - lastChange > 5_000_000_000L
                    || System.nanoTime() - drainStart > 300_000_000_000L) {
                return (System.nanoTime() - drainStart) / 1e9;
            }
            Thread.sleep(100);
        }
    }

    /** Runs wrk once; its rest-wrk line as keys and values. {@code cpu[0]}: wrk's CPU seconds (sampled). */
    private static Map<String, String> wrk(
            String wrk, String url, int threads, int connections, int seconds, long first, int per, double[] cpu)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        wrk,
                        "-t" + threads,
                        "-c" + connections,
                        "-d" + seconds + "s",
                        "--timeout",
                        "10s",
                        "--latency",
                        "-s",
                        SCRIPT.toString(),
                        url,
                        "--",
                        String.valueOf(first),
                        String.valueOf(threads),
                        String.valueOf(per))
                .redirectErrorStream(true);
        // the credentials go through the environment, not the command line
        builder.environment().put("WRK_ACCOUNT_ID", StandIn.ACCOUNT);
        builder.environment().put("WRK_PASSCODE", StandIn.PASSCODE);
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append(e);
            }
        });
        reader.start();
        // wrk's CPU, read until it exits
        while (process.isAlive()) {
            double seconds0 = Cpu.processSeconds(process.pid());
            if (seconds0 >= 0) {
                cpu[0] = seconds0;
            }
            Thread.sleep(100);
        }
        reader.join();
        System.out.print(output);
        Matcher line = Pattern.compile("rest-wrk: (.*)").matcher(output);
        if (process.exitValue() != 0 || !line.find()) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        Map<String, String> result = new java.util.HashMap<>();
        for (String pair : line.group(1).trim().split("\\s+")) {
            String[] kv = pair.split("=", 2);
            result.put(kv[0], kv[1]);
        }
        return result;
    }
}
