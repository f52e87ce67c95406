package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static bench.Report.f0;
import static bench.Report.f1;
import static bench.Report.f2;

/** Rows 1, 2 and 1+2: the file path against an instant stand-in, the floor on the same file, and the two alternating. */
final class FilePathMeasures implements Measure {

    @Override
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("file", "row 1: a file of --numbers numbers through the service, the stand-in answering at once");
        names.put("floor", "row 2: the floor (a plain JDK program, in a JVM of its own) on the same file and stand-in");
        names.put("pairs", "row 1+2: --pairs alternating runs of file and floor, medians and their ratio");
        return names;
    }

    @Override
    public void run(Options options, Set<String> chosen, Report report) throws Exception {
        int numbers = options.integer("numbers");
        Path file = Workspace.numbersFile("bench-numbers", numbers, 10_000_000L);
        try {
            double fileRate = 0;
            if (chosen.contains("file")) {
                try (StandIn standIn = StandIn.start()) {
                    double seconds = FileRun.measure(standIn, file, Map.of()).seconds();
                    fileRate = numbers / seconds;
                    report.row(
                            "1. file path, instant stand-in",
                            numbers + " numbers in " + f1(seconds) + " s",
                            f0(fileRate) + " numbers/s",
                            "target >= 100,000/s");
                }
            }
            if (chosen.contains("floor")) {
                try (StandIn standIn = StandIn.start()) {
                    double seconds = Floor.runFresh(file, standIn.url()).seconds();
                    double floorRate = numbers / seconds;
                    report.row(
                            "2. hand-written JDK floor",
                            numbers + " numbers in " + f1(seconds) + " s",
                            f0(floorRate) + " numbers/s",
                            fileRate > 0 ? "file path / floor = " + f2(fileRate / floorRate) + " (target >= 0.8)" : "");
                }
            }
            if (chosen.contains("pairs")) {
                pairs(options, numbers, file, report);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The file path against the floor, alternating, so that both see the same machine; single runs vary by +-30% here. */
    private static void pairs(Options options, int numbers, Path numbersFile, Report report) throws Exception {
        int pairs = options.integer("pairs");
        boolean warm = options.bool("warm");
        double[] file = new double[pairs];
        double[] floor = new double[pairs];
        try (StandIn standIn = StandIn.start()) {
            for (int i = 0; i < pairs; i++) {
                FileRun run = FileRun.measure(standIn, numbersFile, Map.of(), warm);
                file[i] = run.seconds();
                double benchCpu = Cpu.benchSeconds();
                Floor fresh = Floor.runFresh(numbersFile, standIn.url(), warm);
                floor[i] = fresh.seconds();
                System.out.printf(
                        "pair %d: file path %.2f s (%s), floor %.2f s (CPU: floor's JVM %.1f s, stand-in %.1f s)%n",
                        i + 1, file[i], run.cpu(), floor[i], fresh.cpuSeconds(), Cpu.benchSeconds() - benchCpu);
            }
        }
        double fileMedian = Report.median(file);
        double floorMedian = Report.median(floor);
        report.row(
                "1+2. file path / floor, " + pairs + " interleaved pairs"
                        + (warm ? ", each JVM warm" : ", each JVM fresh"),
                numbers + " numbers: medians " + f2(fileMedian) + " s / " + f2(floorMedian) + " s",
                f0(numbers / fileMedian) + " / " + f0(numbers / floorMedian) + " numbers/s",
                "time ratio " + f2(fileMedian / floorMedian) + " (target <= 1.10)");
    }
}
