package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One file through a fresh application: the file moved into its inbox complete; seconds from the move until it is in
 * {@code .done/}, the CPU it took and the application's peak RSS meanwhile.
 *
 * @param refusal why the service did not run with its settings ({@link #measureOrRefused}), else null
 */
record FileRun(double seconds, String cpu, long peakKb, String refusal) {

    boolean failed() {
        return refusal != null;
    }

    static FileRun measure(StandIn standIn, Path numbers, Map<String, String> env) throws Exception {
        return measure(standIn, numbers, env, false, Workspace.scratch());
    }

    /** {@code warm}: the same file is worked once before the one measured, as a long-running instance has. */
    static FileRun measure(StandIn standIn, Path numbers, Map<String, String> env, boolean warm) throws Exception {
        return measure(standIn, numbers, env, warm, Workspace.scratch());
    }

    private static FileRun measure(StandIn standIn, Path numbers, Map<String, String> env, boolean warm, Path work)
            throws Exception {
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
            // an export written earlier and moved in complete, as a CRM job drops its file: it keeps its modification
            // time
            Files.copy(numbers, staged, StandardCopyOption.COPY_ATTRIBUTES);
            double appCpu = app.cpuSeconds();
            double benchCpu = Cpu.benchSeconds();
            long peakKb = 0;
            long start = System.nanoTime();
            Files.move(staged, inbox.resolve("numbers.txt"), StandardCopyOption.ATOMIC_MOVE);
            while (!Files.exists(inbox.resolve(".done/numbers.txt"))) {
                app.checkAlive();
                if (Files.exists(inbox.resolve(".failed/numbers.txt"))) {
                    throw new IllegalStateException("the file went to .failed/; see " + app.log());
                }
                peakKb = Math.max(peakKb, app.peakRssKb());
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new FileRun(
                    seconds, Cpu.line(app.cpuSeconds() - appCpu, Cpu.benchSeconds() - benchCpu, seconds), peakKb, null);
        } finally {
            app.stop();
        }
    }

    /**
     * {@link #measure}, or a run {@link #failed()} when the service does not take its settings (it stops, or never gets
     * ready) or fails the file: then a line says so, with the first error of its log.
     */
    static FileRun measureOrRefused(String what, StandIn standIn, Path numbers, Map<String, String> env)
            throws Exception {
        Path work = Workspace.scratch();
        try {
            return measure(standIn, numbers, env, false, work);
        } catch (IllegalStateException e) {
            String error = "";
            Path log = work.resolve("app.log");
            if (Files.exists(log)) {
                try (Stream<String> lines = Files.lines(log)) {
                    error = lines.filter(l -> l.contains("Exception") || l.contains("ERROR"))
                            .findFirst()
                            .map(l -> "; its log: " + (l.length() > 400 ? l.substring(0, 400) + "..." : l.strip()))
                            .orElse("");
                }
            }
            String refusal = "the service did not run with these settings: " + e.getMessage() + error;
            System.out.println(what + ": " + refusal);
            return new FileRun(Double.NaN, "", 0, refusal);
        }
    }

    /** The single account's settings unset (a null value removes a variable): no default account. */
    static Map<String, String> noDefaultAccount() {
        Map<String, String> env = new java.util.HashMap<>();
        for (String key : java.util.List.of(
                "CLEVERTAP_ACCOUNT_ID", "CLEVERTAP_PASSCODE", "CLEVERTAP_REGION", "CLEVERTAP_BASE_URL")) {
            env.put(key, null);
        }
        return env;
    }

    /** The id of an account of CLEVERTAP_ACCOUNTS: bench-NAME. */
    static String accountId(String name) {
        return "bench-" + name;
    }

    static String passcode(String name) {
        return "bench-passcode-" + name;
    }

    /** An account of CLEVERTAP_ACCOUNTS: its id, passcode, region, its stand-in's URL and its countries. */
    static Map<String, String> accountEnv(String name, String region, String countries, StandIn standIn) {
        String prefix = "CLEVERTAP_ACCOUNTS_" + name.toUpperCase(java.util.Locale.ROOT) + "_";
        return Map.of(
                prefix + "ACCOUNT_ID",
                accountId(name),
                prefix + "PASSCODE",
                passcode(name),
                prefix + "REGION",
                region,
                prefix + "BASE_URL",
                standIn.url(accountId(name)),
                prefix + "COUNTRIES",
                countries);
    }
}
