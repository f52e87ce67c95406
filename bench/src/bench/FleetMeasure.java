package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static bench.Report.f0;
import static bench.Report.f1;
import static bench.Report.f2;

/**
 * Row 8: fleets of instances on one Artemis broker (the first embeds it, the others reach it over TCP), each with 3
 * requests of its own at once and the account's 4 shared on the broker (CLEVERTAP_ACCOUNT_MAX_IN_FLIGHT, which a jar
 * from before the shared limit ignores), against a stand-in that allows 4 at once and answers after 200 ms. Once every
 * instance is ready, numbers go to the JMS queue in messages of 1,000; numbers/s from the first send to the last number
 * at the stand-in.
 */
final class FleetMeasure implements Measure {

    /** The account's limit (requests at once, 429 past it) and its answer time; the ceiling that follows. */
    static final int ACCOUNT_ALLOWS = 4;

    static final int ANSWER_MILLIS = 200;
    static final double CEILING = ACCOUNT_ALLOWS * 1000 * 1000.0 / ANSWER_MILLIS;
    /** Numbers a message, one a line, and messages a producer's transaction. */
    static final int MESSAGE_NUMBERS = 1000;

    static final int TRANSACTION = 100;
    static final long FIRST = 80_000_000L;

    private final String[] args;

    /** {@code args}: the benchmark's own, repeated in the row as the command that measured it. */
    FleetMeasure(String[] args) {
        this.args = args;
    }

    @Override
    public Map<String, String> names() {
        return Map.of(
                "fleet",
                "row 8: fleets of --fleet-instances instances on one broker, --fleet-numbers numbers to the queue,"
                        + " one account allowing 4 at once, 200 ms; numbers/s, share of the ceiling, 429s");
    }

    @Override
    public void run(Options options, Set<String> chosen, Report report) throws Exception {
        for (int instances : options.integers("fleet-instances")) {
            try (StandIn standIn = StandIn.start(ANSWER_MILLIS, ACCOUNT_ALLOWS)) {
                fleet(standIn, instances, options.integer("fleet-numbers"), options.integer("fleet-warmup"), report);
            }
        }
    }

    private void fleet(StandIn standIn, int instances, int numbers, int warmup, Report report) throws Exception {
        int brokerPort = Workspace.freePort();
        List<App> fleet = new ArrayList<>();
        try {
            long startingAt = System.nanoTime();
            // the first embeds the broker and must be up before the others reach it; the others start together
            for (int i = 0; i < instances; i++) {
                Path work = Workspace.scratch();
                Map<String, String> env = new HashMap<>(Map.of(
                        "CLEVERTAP_MAX_IN_FLIGHT",
                        "3",
                        "CLEVERTAP_ACCOUNT_MAX_IN_FLIGHT",
                        String.valueOf(ACCOUNT_ALLOWS),
                        "STATE_DIR",
                        work.resolve("data/state").toString(),
                        "INTAKE_FILE_DIR",
                        work.resolve("data/inbox").toString()));
                if (i == 0) {
                    env.put("JMS_EMBEDDED_PORT", String.valueOf(brokerPort));
                } else {
                    env.put("JMS_BROKER_URL", "tcp://127.0.0.1:" + brokerPort);
                }
                fleet.add(App.create(work, standIn, env, "-Xmx256m"));
                if (i == 0) {
                    fleet.get(0).awaitReady();
                }
            }
            for (App app : fleet) {
                app.awaitReady();
            }
            System.out.printf(
                    "fleet of %d: every instance ready %.1f s after the first started%n",
                    instances, (System.nanoTime() - startingAt) / 1e9);
            double[] sentBefore = new double[fleet.size()];
            if (warmup > 0) {
                // its own numbers (another range), every one at the stand-in, then a second of quiet; then the stand-in
                // forgets them
                long warmStart = System.nanoTime();
                Producer.lists(brokerPort, warmup, MESSAGE_NUMBERS, TRANSACTION, FIRST + 10_000_000L);
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (standIn.receivedAt.size() < warmup && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                System.out.printf(
                        "fleet of %d: warm-up of %d numbers in %.1f s (%d answered 429), not counted%n",
                        instances, warmup, (System.nanoTime() - warmStart) / 1e9, standIn.refused());
                Thread.sleep(1000);
                standIn.reset();
                for (int i = 0; i < fleet.size(); i++) {
                    sentBefore[i] = fleet.get(i).metric("clevertap_numbers_sent");
                }
            }
            double[] appCpu = fleet.stream().mapToDouble(App::cpuSeconds).toArray();
            double benchCpu = Cpu.benchSeconds();
            double machineCpu = Cpu.machineSeconds();

            long start = System.nanoTime();
            long startMillis = System.currentTimeMillis();
            double produced = Producer.lists(brokerPort, numbers, MESSAGE_NUMBERS, TRANSACTION, FIRST);
            // every number at the stand-in, or none new for 120 s (then the missing ones are reported)
            long lastChange = System.nanoTime();
            int lastSize = -1;
            while (standIn.receivedAt.size() < numbers && System.nanoTime() - lastChange < 120_000_000_000L) {
                for (int i = 0; i < fleet.size(); i++) {
                    if (!fleet.get(i).process.isAlive()) {
                        throw new IllegalStateException("instance " + (i + 1) + " died; see "
                                + fleet.get(i).log());
                    }
                }
                int size = standIn.receivedAt.size();
                if (size != lastSize) {
                    lastSize = size;
                    lastChange = System.nanoTime();
                }
                Thread.sleep(20);
            }
            long last = standIn.lastArrival(System.nanoTime());
            double seconds = (last - start) / 1e9;
            double used = seconds * Cpu.cores();
            double appUsed = 0;
            for (int i = 0; i < fleet.size(); i++) {
                appUsed += fleet.get(i).cpuSeconds() - appCpu[i];
            }
            double benchUsed = Cpu.benchSeconds() - benchCpu;
            double others = Math.max(0, Cpu.machineSeconds() - machineCpu - appUsed - benchUsed);
            // a batch sent again arrives late: a moment for it, then the numbers received twice are counted
            Thread.sleep(2000);
            int distinct = standIn.receivedAt.size();
            long twice = standIn.values.get() - distinct;
            writeTrace(standIn, instances, startMillis, produced, seconds);
            long missing = 0;
            for (long n = FIRST; n < FIRST + numbers; n++) {
                if (!standIn.receivedAt.containsKey(String.format("+9198%08d", n))) {
                    missing++;
                }
            }
            // which instance sent how many (clevertap.numbers.sent of each), and how many of its requests were retries
            List<String> shares = new ArrayList<>();
            for (int i = 0; i < fleet.size(); i++) {
                App app = fleet.get(i);
                shares.add(f0(app.metric("clevertap_numbers_sent") - sentBefore[i]) + " ("
                        + f0(app.metric("clevertap_requests_retries")) + " retries)");
            }
            double rate = distinct / seconds;
            String delivered = missing == 0
                    ? "every number delivered (" + distinct + " distinct)"
                    : missing + " of " + numbers + " not delivered";
            String command = Cpu.chrtPrefix() + "bench/run " + String.join(" ", args);
            System.out.printf(
                    "fleet of %d: producer done in %.1f s; numbers sent by each instance: %s; CPU: instances %.1f s,"
                            + " producer and stand-in %.1f s, other processes %.1f s, of %.1f s%n",
                    instances, produced, String.join(", ", shares), appUsed, benchUsed, others, used);
            report.row(
                    "8. fleet, " + instances + (instances == 1 ? " instance" : " instances")
                            + (warmup > 0 ? " warm (after " + warmup + " numbers not counted)" : ", cold")
                            + " on one broker, account allows "
                            + ACCOUNT_ALLOWS + " at once, " + ANSWER_MILLIS + " ms",
                    numbers + " numbers (" + numbers / MESSAGE_NUMBERS + " JMS messages of " + MESSAGE_NUMBERS + ") in "
                            + f1(seconds) + " s",
                    f0(rate) + " numbers/s = " + f0(100 * rate / CEILING) + "% of " + f0(CEILING) + "/s",
                    standIn.refused() + " answered 429, most at once " + standIn.mostAtOnce() + "; " + delivered + ", "
                            + twice + " sent twice; sent by each instance: " + String.join(", ", shares)
                            + " (target with 3: 0 answered 429, >= 80%, every number); `" + command + "`");
        } finally {
            // the others first: the first holds the broker they use
            for (int i = fleet.size() - 1; i >= 0; i--) {
                fleet.get(i).stop();
            }
        }
    }

    /** BENCH_TRACE=prefix: prefix-N.txt, a line per request at the stand-in: arrival, end (ms), numbers, status, account. */
    private static void writeTrace(StandIn standIn, int instances, long startMillis, double produced, double seconds)
            throws Exception {
        String traceFile = System.getenv("BENCH_TRACE");
        if (traceFile == null || traceFile.isBlank()) {
            return;
        }
        StringBuilder out =
                new StringBuilder("# start 0 producer-done " + f2(produced) + " last " + f2(seconds) + "\n");
        standIn.trace(startMillis).forEach(line -> out.append(line).append('\n'));
        Files.writeString(Path.of(traceFile + "-" + instances + ".txt"), out);
    }
}
