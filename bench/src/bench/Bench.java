package bench;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The benchmark: starts the packaged application against a stand-in of CleverTap's Disassociate API on loopback for
 * each measure chosen, and prints a line per run and a table. {@code bench/run --help} lists the options and measures;
 * bench/README.md gives the method and the latest figures.
 */
public final class Bench {

    private Bench() {}

    /** Every measure, in the order they run; each may answer to several names of {@code --only}. */
    static List<Measure> measures(String[] args) {
        return List.of(
                new FilePathMeasures(),
                new LatencyMeasure(),
                new AccountsMeasure(),
                new RestMeasure(),
                new RestWrkMeasure(),
                new JmsMeasure(),
                new FleetMeasure(args),
                new CrashMeasure(),
                new MemoryMeasures(),
                new StartupMeasure());
    }

    public static void main(String[] args) throws Exception {
        List<Measure> measures = measures(args);
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(Options.help(measures));
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Set<String> only = options.only();
        Set<String> known = new TreeSet<>();
        measures.forEach(m -> known.addAll(m.names().keySet()));
        if (!known.containsAll(only)) {
            Set<String> unknown = new TreeSet<>(only);
            unknown.removeAll(known);
            System.err.println("bench: no measure " + unknown + " (bench/run --help lists them)");
            System.exit(2);
        }
        System.out.printf(
                "bench: %s, %d cores, java %s%n", Workspace.JAR, Cpu.cores(), System.getProperty("java.version"));
        long warming = System.nanoTime();
        StandIn.warmUp(300);
        System.out.printf(
                "stand-in warmed up in %.1f s (300 requests, not measured)%n", (System.nanoTime() - warming) / 1e9);
        Report report = new Report();
        for (Measure measure : measures) {
            Set<String> chosen = new TreeSet<>(measure.names().keySet());
            chosen.retainAll(only);
            if (!chosen.isEmpty()) {
                measure.run(options, chosen, report);
            }
        }
        report.printTable();
        // the HTTP clients' and stand-ins' pools would keep the JVM alive
        System.exit(0);
    }
}
