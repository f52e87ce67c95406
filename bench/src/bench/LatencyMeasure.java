package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static bench.Report.f0;
import static bench.Report.f1;

/** Rows 3 and 3f: a file against a stand-in that answers after 100 ms and allows 3 requests at once. */
final class LatencyMeasure implements Measure {

    @Override
    public Map<String, String> names() {
        return Map.of(
                "latency",
                "rows 3 and 3f: a file of --latency-numbers numbers, the stand-in answering after 100 ms and"
                        + " refusing (429) more than 3 at once; the service, then the floor");
    }

    @Override
    public void run(Options options, Set<String> chosen, Report report) throws Exception {
        int numbers = options.integer("latency-numbers");
        Path file = Workspace.numbersFile("bench-latency", numbers, 20_000_000L);
        try {
            try (StandIn standIn = StandIn.start(100, 3)) {
                double seconds = FileRun.measure(standIn, file, Map.of("CLEVERTAP_MAX_IN_FLIGHT", "3"))
                        .seconds();
                double rate = numbers / seconds;
                report.row(
                        "3. latency-bound (100 ms, 3 at once)",
                        numbers + " numbers in " + f1(seconds) + " s",
                        f0(rate) + " numbers/s = " + f0(100 * rate / 30_000) + "% of 30,000/s",
                        standIn.refused() + " answered 429 (target: 0, and >= 95%)");
            }
            // the same work by the hand-written floor (3 requests in flight) against the same stand-in: what this
            // machine and stand-in allow a client with no pipeline at all
            try (StandIn standIn = StandIn.start(100, 3)) {
                Floor floor = Floor.runFresh(file, standIn.url());
                double rate = numbers / floor.seconds();
                double sendingRate = numbers / floor.sendingSeconds();
                report.row(
                        "3f. latency-bound, the hand-written floor",
                        numbers + " numbers in " + f1(floor.seconds()) + " s",
                        f0(rate) + " numbers/s = " + f0(100 * rate / 30_000) + "% of 30,000/s",
                        "its sending alone (every request built ahead, a slot freed at each answer): "
                                + f1(floor.sendingSeconds()) + " s = " + f0(100 * sendingRate / 30_000) + "%; "
                                + standIn.refused() + " answered 429");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
