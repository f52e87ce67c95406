package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static bench.Report.f1;

/** Rows 5 and 5a: the peak RSS of a file through the service with -Xmx256m, with one account and with ten declared. */
final class MemoryMeasures implements Measure {

    /** The countries of memory-accounts' ten accounts a0..a9; the numbers are Indian: a0's. */
    static final String[] COUNTRIES = {"IN", "SG", "MY", "US", "GB", "DE", "FR", "AE", "AU", "JP"};

    @Override
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("memory", "row 5: a file of --lines numbers with -Xmx256m; peak RSS");
        names.put(
                "memory-accounts",
                "row 5a: the same with ten accounts declared and no default account; peak RSS, the numbers"
                        + " each account received");
        return names;
    }

    @Override
    public void run(Options options, Set<String> chosen, Report report) throws Exception {
        int lines = options.integer("lines");
        Path file = Workspace.numbersFile("bench-memory", lines, 30_000_000L);
        try {
            long peakKb = 0;
            if (chosen.contains("memory")) {
                try (StandIn standIn = StandIn.start()) {
                    FileRun run = FileRun.measure(standIn, file, Map.of());
                    peakKb = run.peakKb();
                    report.row(
                            "5. memory, -Xmx256m",
                            lines + " lines in " + f1(run.seconds()) + " s",
                            "peak RSS " + peakKb / 1024 + " MiB",
                            "completed");
                }
            }
            if (chosen.contains("memory-accounts")) {
                try (StandIn standIn = StandIn.start()) {
                    Map<String, String> env = FileRun.noDefaultAccount();
                    List<String> names = new ArrayList<>();
                    for (int i = 0; i < COUNTRIES.length; i++) {
                        String name = "a" + i;
                        names.add(name);
                        standIn.accept(FileRun.accountId(name), FileRun.passcode(name));
                        env.putAll(FileRun.accountEnv(name, "in1", COUNTRIES[i], standIn));
                    }
                    env.put("CLEVERTAP_ACCOUNTS", String.join(",", names));
                    FileRun run = FileRun.measureOrRefused("5a. memory, 10 accounts", standIn, file, env);
                    if (run.failed()) {
                        report.row("5a. memory, -Xmx256m, 10 accounts", "failed", run.refusal(), "");
                    } else {
                        report.row(
                                "5a. memory, -Xmx256m, 10 accounts",
                                lines + " lines in " + f1(run.seconds()) + " s",
                                "peak RSS " + run.peakKb() / 1024 + " MiB",
                                (peakKb > 0 ? "row 5 in this run (one account): " + peakKb / 1024 + " MiB; " : "")
                                        + "numbers at each account: " + new TreeMap<>(standIn.valuesByAccount));
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
