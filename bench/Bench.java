import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The benchmark of issue 6, in one source file so that the JDK runs it as it is (bench/run does:
 * {@code java -cp target/clevertap-disassociate.jar bench/Bench.java}). It starts the real application jar in a
 * scratch folder against a stand-in of the Disassociate API on loopback, and prints a table.
 * <p>
 * Options: {@code --numbers N} (file path and floor, default 1,000,000), {@code --latency-numbers N} (300,000),
 * {@code --messages N} (single-number REST requests, 100,000), {@code --lines N} (memory run, 10,000,000),
 * {@code --crash-numbers N} (60,000), {@code --kills N} (3), {@code --only a,b} (file, floor, pairs, latency, messages,
 * jms, crash, memory, startup; {@code pairs}: {@code --pairs N} (3) alternating runs of the file path and the floor,
 * medians; {@code --warm true}: each side's second run of the file in its JVM). {@code crash}: a file, the application
 * killed with SIGKILL {@code --kills} times while it works it (each time once CleverTap has received 15,000 more
 * numbers), then run to the end: numbers sent twice, lost. {@code --jms-messages N} (100,000) for {@code jms}; the
 * floor runs in a JVM of its own ({@code --floor-child}, compiled from this file once). {@code rest-wrk} (not in the
 * default set): wrk ({@code bench/rest-wrk.lua}) against the REST intake, one distinct number a request with CleverTap's
 * own headers, {@code --wrk-threads N} (2), {@code --wrk-connections N} (64), {@code --wrk-seconds N} (20),
 * {@code --wrk-warmup N} (0: seconds of wrk, not measured, before the run measured), {@code --wrk-numbers N} (1: numbers a
 * request; more to compare bigger requests). {@code fleet} (not in the default set): N instances on one Artemis broker
 * (the first embeds it) and one CleverTap account that allows 4 requests at once and answers after 200 ms (ceiling
 * 20,000 numbers/s), {@code --fleet-numbers N} (240,000) in messages of 1,000 numbers to the JMS queue, for each N of
 * {@code --fleet-instances a,b,c} (1,2,3) one after the other: numbers/s, share of the ceiling, 429s, most requests at
 * once at the stand-in, every number delivered and numbers sent twice. {@code accounts} (not in the default set): a file of
 * {@code --accounts-numbers N} (300,000) numbers, a line Indian and a line Singaporean, against a stand-in that answers
 * after 100 ms and allows 3 requests at once per account (its X-CleverTap-Account-Id): 9a through one account, 9b
 * through two accounts chosen by the number's country (CLEVERTAP_ACCOUNTS, no default account); numbers/s, 9b / 9a,
 * 429s, per account the numbers and the most requests at once, every number at its country's account once.
 * {@code memory-accounts} (not in the default set): {@code memory} with ten accounts declared.
 */
public class Bench {

    static final Path JAR = Path.of("target/clevertap-disassociate.jar").toAbsolutePath();
    static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]*)\"");
    static final List<String[]> TABLE = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        // the stand-in answers with headers and body in two writes: without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK hold the body back about 40 ms, a stall of the stand-in, not of the service measured
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (args.length == 4 && args[0].equals("--floor-child")) {
            double seconds = 0;
            for (int run = 0; run < Integer.parseInt(args[3]); run++) {
                seconds = Floor.run(Path.of(args[1]), args[2], 3, "IN");
            }
            System.out.printf(java.util.Locale.ROOT, "FLOOR %f %f %f%n", seconds, Floor.lastSendingSeconds, benchCpuSeconds());
            return;
        }
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int numbers = Integer.parseInt(options.getOrDefault("numbers", "1000000"));
        int latencyNumbers = Integer.parseInt(options.getOrDefault("latency-numbers", "300000"));
        int accountsNumbers = Integer.parseInt(options.getOrDefault("accounts-numbers", "300000"));
        int messages = Integer.parseInt(options.getOrDefault("messages", "100000"));
        int lines = Integer.parseInt(options.getOrDefault("lines", "10000000"));
        int jmsMessages = Integer.parseInt(options.getOrDefault("jms-messages", "100000"));
        // REST callers who wait for CleverTap's answer (Prefer: wait=N); 0: none waits
        int preferWait = Integer.parseInt(options.getOrDefault("prefer-wait", "0"));
        int crashNumbers = Integer.parseInt(options.getOrDefault("crash-numbers", "60000"));
        int kills = Integer.parseInt(options.getOrDefault("kills", "3"));
        int wrkThreads = Integer.parseInt(options.getOrDefault("wrk-threads", "2"));
        int wrkConnections = Integer.parseInt(options.getOrDefault("wrk-connections", "64"));
        int wrkSeconds = Integer.parseInt(options.getOrDefault("wrk-seconds", "20"));
        int wrkWarmup = Integer.parseInt(options.getOrDefault("wrk-warmup", "0"));
        // numbers a request of rest-wrk: 1 (the measure); more to compare bigger requests
        int wrkNumbers = Integer.parseInt(options.getOrDefault("wrk-numbers", "1"));
        int fleetNumbers = Integer.parseInt(options.getOrDefault("fleet-numbers", "240000"));
        // numbers the fleet works first, not measured: a long-running fleet is warm (its JIT has compiled the path)
        int fleetWarmup = Integer.parseInt(options.getOrDefault("fleet-warmup", "0"));
        int[] fleetInstances = Arrays.stream(options.getOrDefault("fleet-instances", "1,2,3").split(","))
                .mapToInt(n -> Integer.parseInt(n.trim())).toArray();
        List<String> only = Arrays.asList(options.getOrDefault("only", "file,floor,latency,messages,jms,crash,memory,startup").split(","));
        System.out.printf("bench: %s, %d cores, java %s%n", JAR, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        Path numbersFile = Files.createTempFile("bench-numbers", ".txt");
        writeNumbers(numbersFile, numbers, 10_000_000L);
        double fileRate = 0;
        if (only.contains("file")) {
            try (StandIn standIn = StandIn.start(0, Integer.MAX_VALUE)) {
                double seconds = fileRun(standIn, numbersFile, Map.of(), null);
                fileRate = numbers / seconds;
                row("1. file path, instant stand-in", numbers + " numbers in " + f1(seconds) + " s",
                        f0(fileRate) + " numbers/s", "target >= 100,000/s");
            }
        }
        if (only.contains("floor")) {
            try (StandIn standIn = StandIn.start(0, Integer.MAX_VALUE)) {
                double seconds = Floor.runFresh(numbersFile, standIn.url());
                double floorRate = numbers / seconds;
                row("2. hand-written JDK floor", numbers + " numbers in " + f1(seconds) + " s", f0(floorRate) + " numbers/s",
                        fileRate > 0 ? "file path / floor = " + String.format("%.2f", fileRate / floorRate) + " (target >= 0.8)" : "");
            }
        }
        if (only.contains("pairs")) {
            // file path against the floor, alternating, so that both see the same machine; single runs vary by +-30% here
            int pairs = Integer.parseInt(options.getOrDefault("pairs", "3"));
            // --warm true: each side's JVM has worked the file once before the run measured (a long-running service)
            boolean warm = Boolean.parseBoolean(options.getOrDefault("warm", "false"));
            double[] file = new double[pairs];
            double[] floor = new double[pairs];
            try (StandIn standIn = StandIn.start(0, Integer.MAX_VALUE)) {
                for (int i = 0; i < pairs; i++) {
                    file[i] = fileRun(standIn, numbersFile, Map.of(), null, warm);
                    double benchCpu = benchCpuSeconds();
                    floor[i] = Floor.runFresh(numbersFile, standIn.url(), warm);
                    System.out.printf("pair %d: file path %.2f s (%s), floor %.2f s (CPU: floor's JVM %.1f s, stand-in %.1f s)%n",
                            i + 1, file[i], lastFileRunCpu, floor[i], Floor.lastCpuSeconds, benchCpuSeconds() - benchCpu);
                }
            }
            double fileMedian = median(file);
            double floorMedian = median(floor);
            row("1+2. file path / floor, " + pairs + " interleaved pairs" + (warm ? ", each JVM warm" : ", each JVM fresh"), numbers + " numbers: medians " + f2(fileMedian)
                    + " s / " + f2(floorMedian) + " s", f0(numbers / fileMedian) + " / " + f0(numbers / floorMedian)
                    + " numbers/s", "time ratio " + f2(fileMedian / floorMedian) + " (target <= 1.10)");
        }
        if (only.contains("latency")) {
            Path file = Files.createTempFile("bench-latency", ".txt");
            writeNumbers(file, latencyNumbers, 20_000_000L);
            try (StandIn standIn = StandIn.start(100, 3)) {
                double seconds = fileRun(standIn, file, Map.of("CLEVERTAP_MAX_IN_FLIGHT", "3"), null);
                double rate = latencyNumbers / seconds;
                row("3. latency-bound (100 ms, 3 at once)", latencyNumbers + " numbers in " + f1(seconds) + " s",
                        f0(rate) + " numbers/s = " + f0(100 * rate / 30_000) + "% of 30,000/s",
                        standIn.refused.get() + " answered 429 (target: 0, and >= 95%)");
            }
            // the same work by the hand-written floor (3 requests in flight) against the same stand-in: what this
            // machine and stand-in allow a client with no pipeline at all
            try (StandIn standIn = StandIn.start(100, 3)) {
                double seconds = Floor.runFresh(file, standIn.url());
                double rate = latencyNumbers / seconds;
                double sendingRate = latencyNumbers / Floor.lastSendingSeconds;
                row("3f. latency-bound, the hand-written floor", latencyNumbers + " numbers in " + f1(seconds) + " s",
                        f0(rate) + " numbers/s = " + f0(100 * rate / 30_000) + "% of 30,000/s",
                        "its sending alone (every request built ahead, a slot freed at each answer): " + f1(Floor.lastSendingSeconds)
                                + " s = " + f0(100 * sendingRate / 30_000) + "%; " + standIn.refused.get() + " answered 429");
            }
            Files.deleteIfExists(file);
        }
        if (only.contains("accounts")) {
            accountsRun(accountsNumbers);
        }
        if (only.contains("messages")) {
            try (StandIn standIn = StandIn.start(0, Integer.MAX_VALUE)) {
                messageRun(standIn, messages, preferWait);
            }
        }
        if (only.contains("rest-wrk")) {
            try (StandIn standIn = StandIn.start(0, Integer.MAX_VALUE)) {
                restWrkRun(standIn, wrkThreads, wrkConnections, wrkSeconds, wrkWarmup, wrkNumbers);
            }
        }
        if (only.contains("jms")) {
            try (StandIn standIn = StandIn.start(0, Integer.MAX_VALUE)) {
                jmsRun(standIn, jmsMessages);
            }
        }
        if (only.contains("fleet")) {
            for (int instances : fleetInstances) {
                try (StandIn standIn = StandIn.start(FLEET_ANSWER_MILLIS, FLEET_ACCOUNT_ALLOWS)) {
                    fleetRun(standIn, instances, fleetNumbers, fleetWarmup, args);
                }
            }
        }
        if (only.contains("crash")) {
            try (StandIn standIn = StandIn.start(100, Integer.MAX_VALUE)) {
                crashRun(standIn, crashNumbers, kills);
            }
        }
        if (only.contains("memory") || only.contains("memory-accounts")) {
            Path file = Files.createTempFile("bench-memory", ".txt");
            writeNumbers(file, lines, 30_000_000L);
            long[] peakKb = new long[1];
            if (only.contains("memory")) {
                try (StandIn standIn = StandIn.start(0, Integer.MAX_VALUE)) {
                    double seconds = fileRun(standIn, file, Map.of(), peakKb);
                    row("5. memory, -Xmx256m", lines + " lines in " + f1(seconds) + " s", "peak RSS " + peakKb[0] / 1024 + " MiB",
                            "completed");
                }
            }
            if (only.contains("memory-accounts")) {
                try (StandIn standIn = StandIn.start(0, Integer.MAX_VALUE)) {
                    // ten accounts a0..a9, each with countries of its own; the numbers are Indian: a0's
                    String[] countries = {"IN", "SG", "MY", "US", "GB", "DE", "FR", "AE", "AU", "JP"};
                    Map<String, String> env = noDefaultAccount();
                    List<String> names = new ArrayList<>();
                    for (int i = 0; i < countries.length; i++) {
                        names.add("a" + i);
                        env.putAll(accountEnv("a" + i, "in1", countries[i], standIn));
                    }
                    env.put("CLEVERTAP_ACCOUNTS", String.join(",", names));
                    long[] accountsPeakKb = new long[1];
                    double seconds = fileRunOrRefused("5a. memory, 10 accounts", standIn, file, env, accountsPeakKb);
                    if (Double.isNaN(seconds)) {
                        row("5a. memory, -Xmx256m, 10 accounts", "failed", lastRefusal, "");
                    } else {
                        row("5a. memory, -Xmx256m, 10 accounts", lines + " lines in " + f1(seconds) + " s",
                                "peak RSS " + accountsPeakKb[0] / 1024 + " MiB", (peakKb[0] > 0 ? "row 5 in this run (one account): "
                                        + peakKb[0] / 1024 + " MiB; " : "") + "numbers at each account: " + new java.util.TreeMap<>(standIn.valuesByAccount));
                    }
                }
            }
            Files.deleteIfExists(file);
        }
        if (only.contains("startup")) {
            try (StandIn standIn = StandIn.start(0, Integer.MAX_VALUE)) {
                Path work = scratch();
                long start = System.nanoTime();
                App app = App.start(work, standIn, Map.of(), "-Xmx256m");
                double seconds = (System.nanoTime() - start) / 1e9;
                app.stop();
                row("6. start-up to ready, Camel Main", f2(seconds) + " s", "", "target < 3 s");

                // with a class-data archive (AppCDS) made by a training run, as README's "Faster start-up" says
                Path archive = work.resolve("app.jsa");
                Path training = scratch();
                ProcessBuilder trainer = new ProcessBuilder(jdkTool("java"),
                        "-XX:ArchiveClassesAtExit=" + archive, "-jar", JAR.toString(), "--once").directory(training.toFile())
                        .redirectErrorStream(true).redirectOutput(training.resolve("train.log").toFile());
                trainer.environment().putAll(Map.of("CAMEL_MAIN_PROFILE", "sandbox", "INTAKE_REST_PORT", String.valueOf(freePort()),
                        "MANAGEMENT_PORT", String.valueOf(freePort()), "JMS_EMBEDDED_PORT", String.valueOf(freePort())));
                Process train = trainer.start();
                if (!train.waitFor(120, TimeUnit.SECONDS) || !Files.exists(archive)) {
                    throw new IllegalStateException("the training run made no archive; see " + training.resolve("train.log"));
                }
                Path cds = scratch();
                start = System.nanoTime();
                app = App.start(cds, standIn, Map.of(), "-Xmx256m", "-XX:SharedArchiveFile=" + archive);
                seconds = (System.nanoTime() - start) / 1e9;
                app.stop();
                row("6b. start-up to ready, Camel Main with its AppCDS archive", f2(seconds) + " s", "",
                        "target < 3 s; archive from one --once training run");
            }
            row("6. start-up to ready, Quarkus", "see bench/runtimes", "", "both runtimes, alternating, in one run");
        }
        Files.deleteIfExists(numbersFile);

        System.out.println();
        System.out.println("| measure | run | result | against |");
        System.out.println("|---|---|---|---|");
        for (String[] r : TABLE) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
        // the HTTP clients' and stand-ins' pools would keep the JVM alive
        System.exit(0);
    }

    /** Drops the file into a fresh application's inbox; seconds from the drop until it is in .done. */
    static double fileRun(StandIn standIn, Path numbers, Map<String, String> env, long[] peakKb) throws Exception {
        return fileRun(standIn, numbers, env, peakKb, false);
    }

    /** {@code warm}: the same file is worked once before the one measured, as a long-running instance has. */
    static double fileRun(StandIn standIn, Path numbers, Map<String, String> env, long[] peakKb, boolean warm) throws Exception {
        Path work = scratch();
        lastFileRunWork = work;
        App app = App.start(work, standIn, env, "-Xmx256m");
        try {
            Path inbox = work.resolve("data/inbox");
            Files.createDirectories(inbox);
            if (warm) {
                Path warmup = work.resolve("warm-up.txt");
                Files.copy(numbers, warmup, StandardCopyOption.COPY_ATTRIBUTES);
                Files.move(warmup, inbox.resolve("warm-up.txt"), StandardCopyOption.ATOMIC_MOVE);
                while (!Files.exists(inbox.resolve(".done/warm-up.txt"))) {
                    Thread.sleep(50);
                }
            }
            Path staged = work.resolve("numbers.txt");
            // an export written earlier and moved in complete, as a CRM job drops its file: it keeps its modification time
            Files.copy(numbers, staged, StandardCopyOption.COPY_ATTRIBUTES);
            double appCpu = app.cpuSeconds();
            double benchCpu = benchCpuSeconds();
            long start = System.nanoTime();
            Files.move(staged, inbox.resolve("numbers.txt"), StandardCopyOption.ATOMIC_MOVE);
            while (!Files.exists(inbox.resolve(".done/numbers.txt"))) {
                if (!app.process.isAlive()) {
                    throw new IllegalStateException("the application died; see " + work.resolve("app.log"));
                }
                if (Files.exists(inbox.resolve(".failed/numbers.txt"))) {
                    throw new IllegalStateException("the file went to .failed/; see " + work.resolve("app.log"));
                }
                if (peakKb != null) {
                    peakKb[0] = Math.max(peakKb[0], app.peakRssKb());
                }
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            lastFileRunCpu = cpu(app.cpuSeconds() - appCpu, benchCpuSeconds() - benchCpu, seconds);
            return seconds;
        } finally {
            app.stop();
        }
    }

    /** Where the CPU of the last {@link #fileRun} went (the application's; the stand-in's, in this process). */
    static String lastFileRunCpu = "";
    /** The scratch folder of the last {@link #fileRun} (its app.log). */
    static Path lastFileRunWork;
    /** Why the last {@link #fileRunOrRefused} failed. */
    static String lastRefusal = "";

    /**
     * {@link #fileRun}, or NaN when the service does not take its settings (it stops, or never gets ready) or fails the
     * file: then a line says so, with the first error of its log ({@link #lastRefusal}).
     */
    static double fileRunOrRefused(String what, StandIn standIn, Path numbers, Map<String, String> env, long[] peakKb)
            throws Exception {
        try {
            return fileRun(standIn, numbers, env, peakKb);
        } catch (IllegalStateException e) {
            String error = "";
            Path log = lastFileRunWork.resolve("app.log");
            if (Files.exists(log)) {
                try (Stream<String> lines = Files.lines(log)) {
                    error = lines.filter(l -> l.contains("Exception") || l.contains("ERROR")).findFirst()
                            .map(l -> "; its log: " + (l.length() > 400 ? l.substring(0, 400) + "..." : l.strip())).orElse("");
                }
            }
            lastRefusal = "the service did not run with these settings: " + e.getMessage() + error;
            System.out.println(what + ": " + lastRefusal);
            return Double.NaN;
        }
    }

    /** An account of CLEVERTAP_ACCOUNTS: its id bench-NAME, passcode, region, the stand-in's URL and its countries. */
    static Map<String, String> accountEnv(String name, String region, String countries, StandIn standIn) {
        String prefix = "CLEVERTAP_ACCOUNTS_" + name.toUpperCase(java.util.Locale.ROOT) + "_";
        return Map.of(prefix + "ACCOUNT_ID", "bench-" + name, prefix + "PASSCODE", "bench-passcode-" + name,
                prefix + "REGION", region, prefix + "BASE_URL", standIn.url(), prefix + "COUNTRIES", countries);
    }

    /** The single account's settings unset (a null value removes a variable): no default account. */
    static Map<String, String> noDefaultAccount() {
        Map<String, String> env = new java.util.HashMap<>();
        for (String key : List.of("CLEVERTAP_ACCOUNT_ID", "CLEVERTAP_PASSCODE", "CLEVERTAP_REGION", "CLEVERTAP_BASE_URL")) {
            env.put(key, null);
        }
        return env;
    }

    /** The first Indian and the first Singaporean number of {@code accounts}; the Singaporean ones are +65 8xxx xxxx. */
    static final long ACCOUNTS_FIRST_IN = 85_000_000L;
    static final long ACCOUNTS_FIRST_SG = 81_000_000L;

    /**
     * accounts: {@code count} numbers, a line Indian and a line Singaporean, through one account (9a), then through two
     * accounts chosen by the number's country (9b), each against a fresh stand-in that answers after 100 ms and allows
     * 3 requests at once per account.
     */
    static void accountsRun(int count) throws Exception {
        Path file = Files.createTempFile("bench-accounts", ".txt");
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try (var out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < count; i++) {
                String number = i % 2 == 0 ? String.format("+9198%08d", ACCOUNTS_FIRST_IN + i / 2)
                        : String.format("+65%08d", ACCOUNTS_FIRST_SG + i / 2);
                // the service refuses a number libphonenumber does not take: then this measure would measure less
                var parsed = util.parse(number, "ZZ");
                if (!util.isValidNumber(parsed) || !(i % 2 == 0 ? "IN" : "SG").equals(util.getRegionCodeForNumber(parsed))) {
                    throw new IllegalStateException(number + " is not a valid number of " + (i % 2 == 0 ? "IN" : "SG")
                            + " for libphonenumber: use fewer --accounts-numbers");
                }
                out.write(number + "\n");
            }
        }
        // the ceiling: 3 requests of 1,000 numbers an account every 100 ms, 30,000 numbers/s an account
        String numbers = count + " numbers (half +91, half +65, a line each)";
        double oneRate;
        try (StandIn standIn = StandIn.start(100, 3, true)) {
            double seconds = fileRun(standIn, file, Map.of("CLEVERTAP_MAX_IN_FLIGHT", "3"), null);
            oneRate = count / seconds;
            row("9a. accounts: one account (100 ms, 3 at once an account)", numbers + " in " + f1(seconds) + " s",
                    f0(oneRate) + " numbers/s = " + f0(100 * oneRate / 30_000) + "% of 30,000/s",
                    accountsCheck(standIn, file, n -> "BENCH", "every number at BENCH"));
        }
        try (StandIn standIn = StandIn.start(100, 3, true)) {
            Map<String, String> env = noDefaultAccount();
            env.put("CLEVERTAP_ACCOUNTS", "india,sea");
            env.putAll(accountEnv("india", "in1", "IN", standIn));
            env.putAll(accountEnv("sea", "sg1", "SG", standIn));
            env.put("CLEVERTAP_ACCOUNTS_INDIA_MAX_IN_FLIGHT", "3");
            env.put("CLEVERTAP_ACCOUNTS_SEA_MAX_IN_FLIGHT", "3");
            String row = "9b. accounts: two accounts by country, IN and SG, no default (100 ms, 3 at once an account)";
            double seconds = fileRunOrRefused(row, standIn, file, env, null);
            if (Double.isNaN(seconds)) {
                row(row, "failed", lastRefusal, "");
            } else {
                double rate = count / seconds;
                row(row, numbers + " in " + f1(seconds) + " s", f0(rate) + " numbers/s = " + f0(100 * rate / 60_000)
                                + "% of 60,000/s; 9b / 9a = " + f2(rate / oneRate),
                        accountsCheck(standIn, file, n -> n.startsWith("+91") ? "bench-india" : "bench-sea",
                                "every number at the account of its country"));
            }
        }
        Files.deleteIfExists(file);
    }

    /**
     * 429s; per account the numbers received and the most requests at once (429s included); whether every number of
     * the file reached the stand-in under the account {@code expected} names, and only once ({@code allThere} says so).
     */
    static String accountsCheck(StandIn standIn, Path file, java.util.function.Function<String, String> expected,
            String allThere) throws IOException {
        long missing = 0;
        long wrong = 0;
        for (String number : Files.readAllLines(file)) {
            String account = standIn.accountOf.get(number);
            if (account == null) {
                missing++;
            } else if (!account.equals(expected.apply(number))) {
                wrong++;
            }
        }
        long twice = standIn.values.get() - standIn.receivedAt.size();
        List<String> accounts = new ArrayList<>();
        new java.util.TreeMap<>(standIn.valuesByAccount).forEach((account, received) -> accounts.add(account + " "
                + f0(received.get()) + " numbers, most at once " + standIn.mostByAccount.get(account)));
        return standIn.refused.get() + " answered 429; " + String.join("; ", accounts) + "; "
                + (missing == 0 && wrong == 0 && twice == 0 ? allThere + ", none twice"
                        : missing + " not at the stand-in, " + wrong + " at another account, " + twice + " sent twice");
    }

    /** Single-number REST requests from 16 client threads: rate, and p99 from the 202 to the stand-in's receipt. */
    static void messageRun(StandIn standIn, int messages, int preferWait) throws Exception {
        int clientThreads = Integer.getInteger("bench.rest-clients", 16);
        Path work = scratch();
        App app = App.start(work, standIn, Map.of(), "-Xmx256m");
        try {
            Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
            ExecutorService clients = Executors.newFixedThreadPool(clientThreads);
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            for (int t = 0; t < clientThreads; t++) {
                clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                        String number = String.format("+9198%08d", 40_000_000L + i);
                        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.restPort + "/1/disassociate"))
                                .header("Authorization", "Bearer bench-token").header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"d\":[{\"type\":\"phone\",\"value\":\"" + number + "\"}]}"));
                        if (preferWait > 0) {
                            builder.header("Prefer", "wait=" + preferWait);
                        }
                        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != (preferWait > 0 ? 200 : 202)) {
                            throw new IllegalStateException("REST answered " + response.statusCode() + ": " + response.body());
                        }
                        acceptedAt.put(number, System.nanoTime());
                    }
                    return null;
                });
            }
            clients.shutdown();
            clients.awaitTermination(1, TimeUnit.HOURS);
            System.out.printf("REST: every request answered in %.1f s%n", (System.nanoTime() - start) / 1e9);
            long last = awaitDelivered(standIn, app, work, messages, start);
            double seconds = (last - start) / 1e9;
            long[] delays = acceptedAt.entrySet().stream()
                    .mapToLong(e -> standIn.receivedAt.getOrDefault(e.getKey(), last) - e.getValue()).sorted().toArray();
            row("4. message path, REST, 16 clients" + (preferWait > 0 ? ", each waiting (Prefer: wait=" + preferWait + ")" : ""),
                    messages + " requests in " + f1(seconds) + " s",
                    f0(messages / seconds) + " numbers/s", "p99 accepted->delivered " + delays[(int) (delays.length * 0.99)] / 1_000_000
                            + " ms (target >= 20,000/s)");
        } finally {
            app.stop();
        }
    }

    /** The first number of rest-wrk's run measured (the 8 digits after +9198), and of its warm-up. */
    static final long WRK_FIRST = 70_000_000L;
    static final long WRK_WARMUP_FIRST = 90_000_000L;

    /**
     * wrk against the REST intake: {@code connections} connections on {@code threads} threads for {@code seconds},
     * each request one distinct number with CleverTap's own headers (bench/rest-wrk.lua). Requests/s, latency
     * percentiles, the answers that were not 202; then, once the spool has drained, whether every number sent reached
     * the stand-in. Skipped when wrk is not installed.
     */
    static void restWrkRun(StandIn standIn, int threads, int connections, int seconds, int warmup, int per) throws Exception {
        String wrk = onPath("wrk");
        if (wrk == null) {
            System.out.println("wrk is not installed: apt-get install wrk");
            row("4w. REST, wrk", "skipped", "wrk is not installed: apt-get install wrk", "");
            return;
        }
        Path script = Path.of("bench/rest-wrk.lua");
        Path work = scratch();
        App app = App.start(work, standIn, Map.of(), "-Xmx256m");
        try {
            String url = "http://127.0.0.1:" + app.restPort + "/1/disassociate";
            if (warmup > 0) {
                Map<String, String> warm = wrk(wrk, script, url, threads, connections, warmup, WRK_WARMUP_FIRST, per, new double[1]);
                System.out.printf("rest-wrk warm-up: %s requests in %d s, not measured%n", warm.get("requests"), warmup);
            }
            double appCpu = app.cpuSeconds();
            double benchCpu = benchCpuSeconds();
            double machineCpu = machineCpuSeconds();
            double[] wrkCpu = new double[1];
            Map<String, String> result = wrk(wrk, script, url, threads, connections, seconds, WRK_FIRST, per, wrkCpu);
            double duration = Long.parseLong(result.get("duration_us")) / 1e6;
            double appUsed = app.cpuSeconds() - appCpu;
            double benchUsed = benchCpuSeconds() - benchCpu;
            // what other processes on the machine took meanwhile (others' builds): a run with much of it is not comparable
            double others = Math.max(0, machineCpuSeconds() - machineCpu - appUsed - wrkCpu[0] - benchUsed);
            String cpu = "CPU: application " + f1(appUsed) + " s, wrk " + f1(wrkCpu[0]) + " s, stand-in " + f1(benchUsed)
                    + " s, other processes " + f1(others) + " s, of " + f1(duration * Runtime.getRuntime().availableProcessors())
                    + " s on " + Runtime.getRuntime().availableProcessors() + " cores";
            long requests = Long.parseLong(result.get("requests"));
            long answered202 = Long.parseLong(result.get("answered202"));
            long non202 = Long.parseLong(result.get("non202"));

            // every number wrk sent: thread i of n sent first + i + n * k for k below its count, but thread 0's first
            // request (wrk calls request() once before the run to check the script, and never sends it)
            String[] sentBy = result.get("sent_by_thread").split(",");
            int stride = Integer.parseInt(result.get("stride"));
            List<String> sent = new ArrayList<>();
            for (int t = 0; t < sentBy.length; t++) {
                for (long k = t == 0 ? per : 0; k < Long.parseLong(sentBy[t]); k++) {
                    sent.add(String.format("+9198%08d", WRK_FIRST + t + stride * k));
                }
            }
            long unanswered = sent.size() / per - requests;
            // the spool drained: no spool file left, and every number sent has arrived (or nothing more arrives for 5 s)
            Path spool = work.resolve("data/state/spool");
            long drainStart = System.nanoTime();
            long lastChange = drainStart;
            int lastSize = -1;
            while (true) {
                if (!app.process.isAlive()) {
                    throw new IllegalStateException("the application died; see " + work.resolve("app.log"));
                }
                int size = standIn.receivedAt.size();
                if (size != lastSize) {
                    lastSize = size;
                    lastChange = System.nanoTime();
                }
                boolean drained = spoolFiles(spool) == 0;
                long missing = sent.stream().filter(n -> !standIn.receivedAt.containsKey(n)).count();
                if (drained && missing == 0 || drained && System.nanoTime() - lastChange > 5_000_000_000L
                        || System.nanoTime() - drainStart > 300_000_000_000L) {
                    break;
                }
                Thread.sleep(100);
            }
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            long missing = sent.stream().filter(n -> !standIn.receivedAt.containsKey(n)).count();
            long twice = standIn.values.get() - standIn.receivedAt.size();
            if (missing > 0) {
                // which ones, and where they stood in their thread's sequence (the last of each connection: unanswered)
                System.out.println("rest-wrk: not at the stand-in, e.g. " + sent.stream()
                        .filter(n -> !standIn.receivedAt.containsKey(n)).limit(Integer.getInteger("bench.wrk-missing-shown", 5)).map(n -> {
                            long k = (Long.parseLong(n.substring(5)) - WRK_FIRST) / stride;  // the thread's k-th number
                            int t = (int) ((Long.parseLong(n.substring(5)) - WRK_FIRST) % stride);
                            return n + " (thread " + t + ", number " + (k + 1) + " of " + sentBy[t] + ")";
                        }).toList());
            }
            String delivered = missing == 0
                    ? "every number sent (" + sent.size() + ", " + answered202 * per + " answered 202) reached the stand-in"
                    : missing + " of " + sent.size() + " numbers sent did not reach the stand-in (" + unanswered
                            + " requests were unanswered when wrk stopped, " + non202 + " not 202)";
            String command = "wrk -t" + threads + " -c" + connections + " -d" + seconds + "s --timeout 10s --latency -s "
                    + script + " " + url + " -- " + WRK_FIRST + " " + threads + (per > 1 ? " " + per : "");
            System.out.printf("rest-wrk: %s; spool drained %.1f s after wrk ended; %d sent twice; %s%n", delivered,
                    drainSeconds, twice, cpu);
            row("4w. REST, wrk, " + connections + " connections, " + threads + " threads, "
                            + (per == 1 ? "one number" : per + " numbers") + " a request"
                            + (warmup > 0 ? ", after " + warmup + " s of warm-up" : ""),
                    requests + " requests in " + f1(duration) + " s",
                    f0(requests / duration) + " requests/s" + (per > 1 ? " = " + f0(requests * per / duration) + " numbers/s" : "")
                            + ", latency p50 " + ms(result.get("p50_us")) + " / p90 "
                            + ms(result.get("p90_us")) + " / p99 " + ms(result.get("p99_us")) + " ms",
                    "non-202: " + non202 + (non202 > 0 ? " (" + result.get("statuses") + ")" : "") + "; " + delivered
                            + "; socket errors " + result.get("errors_connect") + "/" + result.get("errors_read") + "/"
                            + result.get("errors_write") + "/" + result.get("errors_timeout")
                            + " (connect/read/write/timeout); " + cpu
                            + " (target >= 10,000/s, p99 <= 50 ms); `" + command + "`");
        } finally {
            app.stop();
        }
    }

    /** Runs wrk once; its rest-wrk line as keys and values. {@code cpu[0]}: wrk's CPU seconds (sampled). */
    static Map<String, String> wrk(String wrk, Path script, String url, int threads, int connections, int seconds,
            long first, int per, double[] cpu) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "--latency", "-s", script.toString(), url, "--", String.valueOf(first), String.valueOf(threads),
                String.valueOf(per))
                .redirectErrorStream(true);
        // the credentials go through the environment, not the command line
        builder.environment().put("WRK_ACCOUNT_ID", "BENCH");
        builder.environment().put("WRK_PASSCODE", "bench-passcode");
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
        // wrk's CPU: utime + stime of /proc/<pid>/stat, read until it exits
        Path stat = Path.of("/proc/" + process.pid() + "/stat");
        while (process.isAlive()) {
            try {
                String text = Files.readString(stat);
                String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                cpu[0] = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
            } catch (IOException | RuntimeException e) {
                // it has exited
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

    /** CPU seconds the whole machine has been busy (every process, the kernel's interrupts too), from /proc/stat. */
    static double machineCpuSeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {  // user nice system irq softirq steal
                busy += Long.parseLong(f[i]);
            }
            return busy / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Files in the spool (open segments and those waiting to be read); 0 once drained. */
    static long spoolFiles(Path spool) throws IOException {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** A program on the PATH, or null. */
    static String onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    static String ms(String micros) {
        return f1(Long.parseLong(micros) / 1000.0);
    }

    static Path scratch() throws IOException {
        Path work = Files.createTempDirectory("bench-run");
        for (String folder : List.of("routes", "config")) {
            Files.createDirectories(work.resolve(folder));
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, work.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
        return work;
    }

    static void writeNumbers(Path file, int count, long first) throws IOException {
        try (var out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < count; i++) {
                out.write(String.format("+9198%08d%n", first + i));
            }
        }
    }

    static void row(String... cells) {
        TABLE.add(cells);
        System.out.println(String.join("  |  ", cells));
    }

    static String f0(double v) {
        return String.format("%,.0f", v);
    }

    static String f1(double v) {
        return String.format("%.1f", v);
    }

    static String f2(double v) {
        return String.format("%.2f", v);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The real application jar, started in its own folder, ready once its readiness check answers 200. */
    /**
     * The JMS path: a bulk producer sends one-number persistent messages in transactions of 500 to the embedded broker
     * of a fresh application; numbers/s from the first send until the last number reached the stand-in.
     */
    static void jmsRun(StandIn standIn, int messages) throws Exception {
        Path work = scratch();
        int jmsPort = freePort();
        App app = App.start(work, standIn, Map.of("JMS_EMBEDDED_PORT", String.valueOf(jmsPort)), "-Xmx256m");
        try {
            double appCpu = app.cpuSeconds();
            double benchCpu = benchCpuSeconds();
            long start = System.nanoTime();
            double produced = produce(jmsPort, messages, 50_000_000L);
            long last = awaitDelivered(standIn, app, work, messages, start);
            double seconds = (last - start) / 1e9;
            row("7. message path, JMS, bulk producer (transactions of 500)", messages + " messages in " + f1(seconds) + " s",
                    f0(messages / seconds) + " numbers/s", "producer done in " + f1(produced) + " s (target >= 20,000/s); "
                            + cpu(app.cpuSeconds() - appCpu, benchCpuSeconds() - benchCpu, seconds));
        } finally {
            app.stop();
        }
        // the intake alone: the messages wait on the broker (the JMS intake off, the broker kept for an error channel on a
        // queue), then an application with the intake on takes them; first to last number at the API
        Path drain = scratch();
        Map<String, String> brokerOnly = Map.of("JMS_EMBEDDED_PORT", String.valueOf(jmsPort), "INTAKE_JMS_ENABLED", "false",
                "ERRORS_URI", "jms:queue:bench.errors");
        app = App.start(drain, standIn, brokerOnly, "-Xmx256m");
        double producedAlone = produce(jmsPort, messages, 60_000_000L);
        app.stop();
        row("7a. the bulk producer alone (" + messages + " messages, the intake off)", f1(producedAlone) + " s",
                f0(messages / producedAlone) + " messages/s", "what bounds row 7 on this machine");
        int before = standIn.receivedAt.size();
        app = App.start(drain, standIn, Map.of("JMS_EMBEDDED_PORT", String.valueOf(jmsPort)), "-Xmx256m");
        try {
            double appCpu = app.cpuSeconds();
            awaitDelivered(standIn, app, drain, before + messages, System.nanoTime());
            double drainCpu = app.cpuSeconds() - appCpu;
            long[] times = standIn.receivedAt.entrySet().stream().filter(e -> e.getKey().startsWith("+919860"))
                    .mapToLong(Map.Entry::getValue).sorted().toArray();
            double seconds = (times[times.length - 1] - times[0]) / 1e9;
            row("7b. message path, JMS, " + messages + " messages waiting", "first to last number at the API in " + f1(seconds)
                    + " s", f0(messages / seconds) + " numbers/s", "the intake alone (target >= 20,000/s); application CPU "
                    + f1(drainCpu) + " s from ready to the last number");
        } finally {
            app.stop();
        }
    }

    /** A program of the JDK running this benchmark ({@code java}, {@code javac}). */
    static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /** CPU seconds this benchmark's own process has used (the producer, the stand-in). */
    static double benchCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** Where the CPU of a run went: the application's and this process's seconds, against what the cores offer. */
    static String cpu(double appCpu, double benchCpu, double seconds) {
        int cores = Runtime.getRuntime().availableProcessors();
        return "CPU: application " + f1(appCpu) + " s, producer and stand-in " + f1(benchCpu) + " s, of " + f1(seconds * cores)
                + " s on " + cores + " cores";
    }

    /** One-number persistent messages, in transactions of 500; seconds it took. */
    static double produce(int jmsPort, int messages, long first) throws Exception {
        try (jakarta.jms.Connection connection = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(
                "tcp://127.0.0.1:" + jmsPort).createConnection()) {
            jakarta.jms.Session session = connection.createSession(true, jakarta.jms.Session.SESSION_TRANSACTED);
            jakarta.jms.MessageProducer producer = session.createProducer(session.createQueue("clevertap.disassociate"));
            producer.setDeliveryMode(jakarta.jms.DeliveryMode.PERSISTENT);
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                producer.send(session.createTextMessage(String.format("+9198%08d", first + i)));
                if ((i + 1) % 500 == 0) {
                    session.commit();
                }
            }
            session.commit();
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** fleet: the account's limit (requests at once, 429 past it) and its answer time; the ceiling that follows. */
    static final int FLEET_ACCOUNT_ALLOWS = 4;
    static final int FLEET_ANSWER_MILLIS = 200;
    static final double FLEET_CEILING = FLEET_ACCOUNT_ALLOWS * 1000 * 1000.0 / FLEET_ANSWER_MILLIS;
    /** Numbers a message of fleet, one a line, and messages a producer's transaction. */
    static final int FLEET_MESSAGE_NUMBERS = 1000;
    static final int FLEET_TRANSACTION = 100;
    static final long FLEET_FIRST = 80_000_000L;

    /**
     * {@code instances} instances of the application on one Artemis broker (the first embeds it, the others reach it
     * over TCP), each with 3 requests of its own at once and the account's 4 shared on the broker
     * (CLEVERTAP_ACCOUNT_MAX_IN_FLIGHT, which a jar from before the shared limit ignores), against a stand-in that
     * allows 4 at once and answers after 200 ms. Once every instance is ready, {@code numbers} numbers go to the JMS
     * queue in messages of 1,000; numbers/s from the first send to the last number at the stand-in.
     */
    static void fleetRun(StandIn standIn, int instances, int numbers, int warmup, String[] args) throws Exception {
        int brokerPort = freePort();
        List<App> fleet = new ArrayList<>();
        List<Path> works = new ArrayList<>();
        try {
            long startingAt = System.nanoTime();
            // the first embeds the broker and must be up before the others reach it; the others start together
            for (int i = 0; i < instances; i++) {
                Path work = scratch();
                Map<String, String> env = new java.util.HashMap<>(Map.of("CLEVERTAP_MAX_IN_FLIGHT", "3",
                        "CLEVERTAP_ACCOUNT_MAX_IN_FLIGHT", String.valueOf(FLEET_ACCOUNT_ALLOWS),
                        "STATE_DIR", work.resolve("data/state").toString(),
                        "INTAKE_FILE_DIR", work.resolve("data/inbox").toString()));
                // the stand-in's trace tells the instances apart by it
                env.put("CLEVERTAP_PASSCODE", "bench-passcode-" + (i + 1));
                if (i == 0) {
                    env.put("JMS_EMBEDDED_PORT", String.valueOf(brokerPort));
                } else {
                    env.put("JMS_BROKER_URL", "tcp://127.0.0.1:" + brokerPort);
                }
                works.add(work);
                fleet.add(App.create(work, standIn, env, new String[] {"-Xmx256m"}));
                if (i == 0) {
                    awaitReady(fleet.get(0), work);
                }
            }
            for (int i = 1; i < instances; i++) {
                awaitReady(fleet.get(i), works.get(i));
            }
            System.out.printf("fleet of %d: every instance ready %.1f s after the first started%n", instances,
                    (System.nanoTime() - startingAt) / 1e9);
            double[] sentBefore = new double[fleet.size()];
            if (warmup > 0) {
                // its own numbers (another range), every one at the stand-in, then a second of quiet; then the stand-in
                // forgets them
                long warmFirst = FLEET_FIRST + 10_000_000L;
                long warmStart = System.nanoTime();
                produceLists(brokerPort, warmup, warmFirst);
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (standIn.receivedAt.size() < warmup && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                System.out.printf("fleet of %d: warm-up of %d numbers in %.1f s (%d answered 429), not counted%n", instances,
                        warmup, (System.nanoTime() - warmStart) / 1e9, standIn.refused.get());
                Thread.sleep(1000);
                standIn.reset();
                for (int i = 0; i < fleet.size(); i++) {
                    sentBefore[i] = fleet.get(i).metric("clevertap_numbers_sent");
                }
            }
            double[] appCpu = fleet.stream().mapToDouble(App::cpuSeconds).toArray();
            double benchCpu = benchCpuSeconds();
            double machineCpu = machineCpuSeconds();

            long start = System.nanoTime();
            standIn.trace.clear();
            double produced = produceLists(brokerPort, numbers, FLEET_FIRST);
            // every number at the stand-in, or none new for 120 s (then the missing ones are reported)
            long lastChange = System.nanoTime();
            int lastSize = -1;
            while (standIn.receivedAt.size() < numbers && System.nanoTime() - lastChange < 120_000_000_000L) {
                for (int i = 0; i < fleet.size(); i++) {
                    if (!fleet.get(i).process.isAlive()) {
                        throw new IllegalStateException("instance " + (i + 1) + " died; see " + works.get(i).resolve("app.log"));
                    }
                }
                int size = standIn.receivedAt.size();
                if (size != lastSize) {
                    lastSize = size;
                    lastChange = System.nanoTime();
                }
                Thread.sleep(20);
            }
            long last = standIn.receivedAt.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
            double seconds = (last - start) / 1e9;
            double used = seconds * Runtime.getRuntime().availableProcessors();
            double appUsed = 0;
            for (int i = 0; i < fleet.size(); i++) {
                appUsed += fleet.get(i).cpuSeconds() - appCpu[i];
            }
            double benchUsed = benchCpuSeconds() - benchCpu;
            double others = Math.max(0, machineCpuSeconds() - machineCpu - appUsed - benchUsed);
            // a batch sent again arrives late: a moment for it, then the numbers received twice are counted
            Thread.sleep(2000);
            int distinct = standIn.receivedAt.size();
            long twice = standIn.values.get() - distinct;
            String traceFile = System.getenv("BENCH_TRACE");
            if (traceFile != null && !traceFile.isBlank()) {
                StringBuilder out = new StringBuilder("# start 0 producer-done " + f2(produced) + " last " + f2(seconds) + "\n");
                for (Object[] t : standIn.trace) {
                    out.append(String.format(java.util.Locale.ROOT, "%.3f %.3f %d %d %s%n", ((long) t[0] - start) / 1e6,
                            ((long) t[1] - start) / 1e6, t[2], t[3], t[4]));
                }
                Files.writeString(Path.of(traceFile + "-" + instances + ".txt"), out);
            }
            long missing = 0;
            for (long n = FLEET_FIRST; n < FLEET_FIRST + numbers; n++) {
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
            String delivered = missing == 0 ? "every number delivered (" + distinct + " distinct)"
                    : missing + " of " + numbers + " not delivered";
            String command = chrtPrefix() + "java -cp target/clevertap-disassociate.jar bench/Bench.java " + String.join(" ", args);
            System.out.printf("fleet of %d: producer done in %.1f s; numbers sent by each instance: %s; CPU: instances %.1f s,"
                    + " producer and stand-in %.1f s, other processes %.1f s, of %.1f s%n", instances, produced,
                    String.join(", ", shares), appUsed, benchUsed, others, used);
            row("8. fleet, " + instances + (instances == 1 ? " instance" : " instances") + (warmup > 0 ? " warm (after "
                            + warmup + " numbers not counted)" : ", cold") + " on one broker, account allows "
                            + FLEET_ACCOUNT_ALLOWS + " at once, " + FLEET_ANSWER_MILLIS + " ms",
                    numbers + " numbers (" + numbers / FLEET_MESSAGE_NUMBERS + " JMS messages of " + FLEET_MESSAGE_NUMBERS
                            + ") in " + f1(seconds) + " s",
                    f0(rate) + " numbers/s = " + f0(100 * rate / FLEET_CEILING) + "% of " + f0(FLEET_CEILING) + "/s",
                    standIn.refused.get() + " answered 429, most at once " + standIn.mostAtOnce.get() + "; " + delivered + ", "
                            + twice + " sent twice; sent by each instance: " + String.join(", ", shares)
                            + " (target with 3: 0 answered 429, >= 80%, every number); `" + command + "`");
        } finally {
            // the others first: the first holds the broker they use
            for (int i = fleet.size() - 1; i >= 0; i--) {
                fleet.get(i).stop();
            }
        }
    }

    /** "chrt -r P " when this benchmark runs under the real-time round-robin policy (chrt -r P), else "". */
    static String chrtPrefix() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 40 (rt_priority) and 41 (policy) of proc(5), counted from the state, field 3
            return f[38].equals("2") ? "chrt -r " + f[37] + " " : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static void awaitReady(App app, Path work) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!app.ready()) {
            if (!app.process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("an instance did not get ready; see " + work.resolve("app.log"));
            }
            Thread.sleep(10);
        }
    }

    /**
     * {@code numbers} numbers, {@link #FLEET_MESSAGE_NUMBERS} a persistent message (one a line), in transactions of
     * {@link #FLEET_TRANSACTION} messages; seconds it took.
     */
    static double produceLists(int jmsPort, int numbers, long first) throws Exception {
        try (jakarta.jms.Connection connection = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(
                "tcp://127.0.0.1:" + jmsPort).createConnection()) {
            jakarta.jms.Session session = connection.createSession(true, jakarta.jms.Session.SESSION_TRANSACTED);
            jakarta.jms.MessageProducer producer = session.createProducer(session.createQueue("clevertap.disassociate"));
            producer.setDeliveryMode(jakarta.jms.DeliveryMode.PERSISTENT);
            long start = System.nanoTime();
            int messages = 0;
            for (int from = 0; from < numbers; from += FLEET_MESSAGE_NUMBERS) {
                StringBuilder body = new StringBuilder();
                for (int i = from; i < Math.min(from + FLEET_MESSAGE_NUMBERS, numbers); i++) {
                    body.append(String.format("+9198%08d", first + i)).append('\n');
                }
                producer.send(session.createTextMessage(body.toString()));
                if (++messages % FLEET_TRANSACTION == 0) {
                    session.commit();
                }
            }
            session.commit();
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /**
     * A file in the inbox, the application killed with SIGKILL {@code kills} times, each once CleverTap has received
     * 15,000 more numbers, and started again on the same folder; then run until the file is done.
     */
    static void crashRun(StandIn standIn, int numbers, int kills) throws Exception {
        Path work = scratch();
        Path inbox = work.resolve("data/inbox");
        Files.createDirectories(inbox);
        Path file = work.resolve("crm.txt");
        writeNumbers(file, numbers, 60_000_000L);
        Files.move(file, inbox.resolve("crm.txt"), StandardCopyOption.ATOMIC_MOVE);
        int killed = 0;
        for (int k = 0; k < kills && Files.exists(inbox.resolve("crm.txt")); k++) {
            long before = standIn.values.get();
            Process process = App.launch(work, standIn, Map.of(), "-Xmx256m");
            while (standIn.values.get() < before + 15_000 && Files.exists(inbox.resolve("crm.txt")) && process.isAlive()) {
                Thread.sleep(5);
            }
            process.destroyForcibly().waitFor();
            killed++;
        }
        App app = App.start(work, standIn, Map.of(), "-Xmx256m");
        while (!Files.exists(inbox.resolve(".done/crm.txt"))) {
            Thread.sleep(50);
        }
        app.stop();
        long received = standIn.values.get();
        int distinct = standIn.receivedAt.size();
        row("7. crash: " + killed + " x kill -9 during a file", numbers + " numbers, stand-in 100 ms",
                (received - distinct) + " sent twice", (numbers - distinct) + " lost (target: 0; sent twice <= "
                        + killed + " x 6,000 once the checkpoint saves have caught up)");
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** Waits until the stand-in has received {@code count} numbers; returns when the last arrived (nanos). */
    static long awaitDelivered(StandIn standIn, App app, Path work, int count, long start) throws InterruptedException {
        while (standIn.receivedAt.size() < count) {
            if (!app.process.isAlive()) {
                throw new IllegalStateException("the application died; see " + work.resolve("app.log"));
            }
            Thread.sleep(50);
        }
        return standIn.receivedAt.values().stream().mapToLong(Long::longValue).max().orElse(start);
    }

    static final class App {
        final Process process;
        final int restPort;
        final int managementPort;

        private App(Process process, int restPort, int managementPort) {
            this.process = process;
            this.restPort = restPort;
            this.managementPort = managementPort;
        }

        static App start(Path work, StandIn standIn, Map<String, String> env, String... jvm) throws Exception {
            App app = create(work, standIn, env, jvm);
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (!app.ready()) {
                if (!app.process.isAlive()) {
                    throw new IllegalStateException("the application did not start; see " + work.resolve("app.log"));
                }
                if (System.nanoTime() > deadline) {
                    app.process.destroyForcibly().waitFor();
                    throw new IllegalStateException("the application was not ready in 300 s; see " + work.resolve("app.log"));
                }
                Thread.sleep(10);
            }
            return app;
        }

        /** Starts it, not waiting for it to be ready. */
        static Process launch(Path work, StandIn standIn, Map<String, String> env, String... jvm) throws Exception {
            return create(work, standIn, env, jvm).process;
        }

        private static App create(Path work, StandIn standIn, Map<String, String> env, String[] jvm) throws Exception {
            int restPort = freePort();
            int managementPort = freePort();
            List<String> command = new ArrayList<>(List.of(jdkTool("java")));
            command.addAll(List.of(jvm));
            // e.g. BENCH_APP_JVM="-XX:StartFlightRecording=filename=/tmp/app.jfr,settings=profile": a profile of the application
            String extra = System.getenv("BENCH_APP_JVM");
            if (extra != null && !extra.isBlank()) {
                command.addAll(Arrays.asList(extra.trim().split("\\s+")));
            }
            command.addAll(List.of("-jar", JAR.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("app.log").toFile()));
            builder.environment().keySet().removeIf(k -> k.startsWith("CLEVERTAP_") || k.startsWith("INTAKE_")
                    || k.startsWith("CAMEL_") || k.startsWith("JMS_") || k.startsWith("ERRORS_") || k.startsWith("STATE_") || k.startsWith("MANAGEMENT_")
                    || k.startsWith("PROGRESS_") || k.equals("ONCE"));
            builder.environment().putAll(Map.of("CLEVERTAP_REGION", "in1", "CLEVERTAP_BASE_URL", standIn.url(),
                    "CLEVERTAP_ACCOUNT_ID", "BENCH", "CLEVERTAP_PASSCODE", "bench-passcode",
                    "CLEVERTAP_BATCH_TIMEOUT_MS", "200", "INTAKE_REST_PORT", String.valueOf(restPort),
                    "INTAKE_REST_TOKEN", "bench-token", "JMS_EMBEDDED_PORT", String.valueOf(freePort()),
                    "CAMEL_SERVER_HOST", "127.0.0.1", "LOG_LEVEL", System.getenv().getOrDefault("BENCH_APP_LOG", "WARN")));
            builder.environment().put("MANAGEMENT_PORT", String.valueOf(managementPort));
            // a null value unsets the variable
            env.forEach((key, value) -> {
                if (value == null) {
                    builder.environment().remove(key);
                } else {
                    builder.environment().put(key, value);
                }
            });
            return new App(builder.start(), restPort, managementPort);
        }

        /** /observe/health/ready: the routes run, every consumer has polled, CleverTap and the error channel are fine. */
        boolean ready() {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + managementPort
                        + "/observe/health/ready").toURL().openConnection();
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

        /** CPU seconds the application's process has used so far (every thread: the broker's, the routes', GC). */
        double cpuSeconds() {
            return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
        }

        /** The sum of a metric's series on /observe/metrics (Prometheus text), 0 when absent or unreachable. */
        double metric(String name) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + managementPort
                        + "/observe/metrics").toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(5000);
                try (InputStream in = connection.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .filter(line -> line.startsWith(name + "_total") || line.startsWith(name + "{")
                                    || line.startsWith(name + " "))
                            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
                } finally {
                    connection.disconnect();
                }
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

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

    /**
     * A stand-in of the Disassociate API: answers every record processed, after {@code delayMillis}, and 429 to a
     * request beyond {@code maxConcurrent} at once ({@code perAccount}: at once under its X-CleverTap-Account-Id).
     * Records when each number arrived.
     */
    static final class StandIn implements AutoCloseable {
        final HttpServer server;
        final int delayMillis;
        final int maxConcurrent;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicLong refused = new AtomicLong();
        /** The most requests in flight at one moment, the ones answered 429 included. */
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        /** Every number received, a number received twice counted twice. */
        final AtomicLong values = new AtomicLong();
        /** BENCH_TRACE: each request's arrival and end (nanoTime), numbers, status and sender (its passcode header). */
        final java.util.concurrent.ConcurrentLinkedQueue<Object[]> trace = new java.util.concurrent.ConcurrentLinkedQueue<>();
        /** true: the limit counts each account's requests (X-CleverTap-Account-Id) apart, and {@link #accountOf} is kept. */
        final boolean perAccount;
        final Map<String, AtomicInteger> inFlightByAccount = new ConcurrentHashMap<>();
        /** Per account: the most requests in flight at one moment (429s included), and the numbers received. */
        final Map<String, AtomicInteger> mostByAccount = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> valuesByAccount = new ConcurrentHashMap<>();
        /** perAccount: the account each number came under ("a,b" when under two). */
        final Map<String, String> accountOf = new ConcurrentHashMap<>();

        /** Forgets what it has received (after a warm-up). */
        void reset() {
            receivedAt.clear();
            values.set(0);
            refused.set(0);
            mostAtOnce.set(0);
            trace.clear();
            mostByAccount.clear();
            valuesByAccount.clear();
            accountOf.clear();
        }

        private StandIn(HttpServer server, int delayMillis, int maxConcurrent, boolean perAccount) {
            this.server = server;
            this.delayMillis = delayMillis;
            this.maxConcurrent = maxConcurrent;
            this.perAccount = perAccount;
        }

        static StandIn start(int delayMillis, int maxConcurrent) throws IOException {
            return start(delayMillis, maxConcurrent, false);
        }

        static StandIn start(int delayMillis, int maxConcurrent, boolean perAccount) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            StandIn standIn = new StandIn(server, delayMillis, maxConcurrent, perAccount);
            server.createContext("/1/disassociate", standIn::answer);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.start();
            return standIn;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void answer(HttpExchange exchange) throws IOException {
            long arrived = System.nanoTime();
            int[] traced = {0, 200};
            String sender = String.valueOf(exchange.getRequestHeaders().getFirst("X-CleverTap-Passcode"));
            String account = String.valueOf(exchange.getRequestHeaders().getFirst("X-CleverTap-Account-Id"));
            AtomicInteger accountInFlight = inFlightByAccount.computeIfAbsent(account, a -> new AtomicInteger());
            try (exchange) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                // a request is in flight from its arrival until its answer is ready: it is counted out before the answer
                // is written, as a server's request handling ends (else a client that sends again at the answer races
                // this thread's count, and is refused). A refused request counts out too.
                String answer;
                try {
                    int atOnce = inFlight.incrementAndGet();
                    mostAtOnce.accumulateAndGet(atOnce, Math::max);
                    int accountAtOnce = accountInFlight.incrementAndGet();
                    mostByAccount.computeIfAbsent(account, a -> new AtomicInteger()).accumulateAndGet(accountAtOnce, Math::max);
                    if ((perAccount ? accountAtOnce : atOnce) > maxConcurrent) {
                        refused.incrementAndGet();
                        traced[1] = 429;
                        answer = null;
                    } else {
                        if (delayMillis > 0) {
                            Thread.sleep(delayMillis);
                        }
                        long now = System.nanoTime();
                        Matcher value = VALUE.matcher(new String(body, StandardCharsets.UTF_8));
                        int count = 0;
                        while (value.find()) {
                            receivedAt.putIfAbsent(value.group(1), now);
                            if (perAccount) {
                                accountOf.merge(value.group(1), account, (a, b) -> a.equals(b) ? a : a + "," + b);
                            }
                            count++;
                            values.incrementAndGet();
                        }
                        valuesByAccount.computeIfAbsent(account, a -> new AtomicLong()).addAndGet(count);
                        answer = "{\"status\":\"success\",\"processed\":" + count + ",\"unprocessed\":[]}";
                        traced[0] = count;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    inFlight.decrementAndGet();
                    accountInFlight.decrementAndGet();
                    trace.add(new Object[] {arrived, System.nanoTime(), traced[0], traced[1], sender});
                }
                if (answer == null) {
                    reply(exchange, 429, "{\"status\":\"fail\",\"error\":\"Too many concurrent requests\"}");
                } else {
                    reply(exchange, 200, answer);
                }
            }
        }

        static void reply(HttpExchange exchange, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    /**
     * The floor: the simplest correct hand-written JDK program doing the same work. Reads the lines, validates and
     * normalises them with libphonenumber on every core, sends batches of 1000 with java.net.http, {@code concurrency}
     * requests at once. No durability, no routing, no retries.
     */
    static final class Floor {
        /** The last run's sending alone: from its first request (every number already checked) to its last answer. */
        static double lastSendingSeconds;
        /** The last fresh run's CPU seconds (its whole JVM). */
        static double lastCpuSeconds;

        /**
         * A run in a JVM of its own, 3 requests in flight, as the service gets one: run after run in this process, the
         * floor's libphonenumber was already compiled by the JIT (a warm floor took 5.7 s where a fresh one took 11).
         */
        private static Path classes;

        /**
         * This file compiled once to classes: the floor's JVM runs them, not the source launcher, whose javac would
         * still be compiled by the JIT while the floor works.
         */
        static synchronized Path compiled() throws Exception {
            if (classes == null) {
                // this file: the source launcher's command is "<launcher class> bench/Bench.java <options>"
                String source = Arrays.stream(System.getProperty("sun.java.command").split(" ")).filter(a -> a.endsWith(".java"))
                        .findFirst().orElseThrow();
                Path out = Files.createTempDirectory("bench-classes");
                Process javac = new ProcessBuilder(jdkTool("javac"), "-nowarn",
                        "-cp", JAR.toString(), "-d", out.toString(), source).redirectErrorStream(true).start();
                String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (javac.waitFor() != 0) {
                    throw new IllegalStateException("javac failed:\n" + output);
                }
                classes = out;
            }
            return classes;
        }

        static double runFresh(Path file, String baseUrl) throws Exception {
            return runFresh(file, baseUrl, false);
        }

        /** {@code warm}: the run measured is the JVM's second, the JIT having compiled the first's work. */
        static double runFresh(Path file, String baseUrl, boolean warm) throws Exception {
            Process child = new ProcessBuilder(jdkTool("java"), "-cp",
                    JAR + java.io.File.pathSeparator + compiled(), "Bench", "--floor-child", file.toString(), baseUrl,
                    String.valueOf(warm ? 2 : 1))
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (child.waitFor() != 0 || !output.contains("FLOOR ")) {
                throw new IllegalStateException("the floor failed:\n" + output);
            }
            String[] figures = output.substring(output.indexOf("FLOOR ") + 6).trim().split("\\s+");
            lastSendingSeconds = Double.parseDouble(figures[1]);
            lastCpuSeconds = Double.parseDouble(figures[2]);
            return Double.parseDouble(figures[0]);
        }

        static double run(Path file, String baseUrl, int concurrency, String country) throws Exception {
            long start = System.nanoTime();
            List<String> lines = Files.readAllLines(file);
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            String[] e164 = lines.parallelStream().map(String::strip).map(line -> {
                try {
                    var parsed = util.parse(line, country);
                    return util.isValidNumber(parsed) ? util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
                } catch (Exception e) {
                    return null;
                }
            }).filter(v -> v != null).toArray(String[]::new);
            HttpClient http = HttpClient.newHttpClient();
            long sending = System.nanoTime();
            Semaphore slots = new Semaphore(concurrency);
            List<java.util.concurrent.CompletableFuture<?>> pending = new ArrayList<>();
            for (int from = 0; from < e164.length; from += 1000) {
                StringBuilder body = new StringBuilder("{\"d\":[");
                for (int i = from; i < Math.min(from + 1000, e164.length); i++) {
                    body.append(i > from ? "," : "").append("{\"type\":\"phone\",\"value\":\"").append(e164[i]).append("\"}");
                }
                body.append("]}");
                slots.acquire();
                pending.add(http.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + "/1/disassociate"))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("X-CleverTap-Account-Id", "BENCH").header("X-CleverTap-Passcode", "bench-passcode")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((r, e) -> slots.release()));
            }
            for (var future : pending) {
                future.join();
            }
            lastSendingSeconds = (System.nanoTime() - sending) / 1e9;
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
