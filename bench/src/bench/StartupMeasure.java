package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static bench.Report.f2;

/** Rows 6 and 6b: {@code java -jar} to ready, and the same with an AppCDS archive made by one --once training run. */
final class StartupMeasure implements Measure {

    @Override
    public Map<String, String> names() {
        return Map.of(
                "startup",
                "rows 6 and 6b: java -jar to ready, then with an AppCDS archive from one --once training run"
                        + " (bench/startup compares JDKs)");
    }

    @Override
    public void run(Options options, Set<String> chosen, Report report) throws Exception {
        try (StandIn standIn = StandIn.start()) {
            Path work = Workspace.scratch();
            long start = System.nanoTime();
            App app = App.start(work, standIn, Map.of(), "-Xmx256m");
            double seconds = (System.nanoTime() - start) / 1e9;
            app.stop();
            report.row("6. start-up to ready, Camel Main", f2(seconds) + " s", "", "target < 3 s");

            // with a class-data archive (AppCDS) made by a training run, as docs/operations.md's "Faster start-up" says
            Path archive = work.resolve("app.jsa");
            train(archive);
            Path cds = Workspace.scratch();
            start = System.nanoTime();
            app = App.start(cds, standIn, Map.of(), "-Xmx256m", "-XX:SharedArchiveFile=" + archive);
            seconds = (System.nanoTime() - start) / 1e9;
            app.stop();
            report.row(
                    "6b. start-up to ready, Camel Main with its AppCDS archive",
                    f2(seconds) + " s",
                    "",
                    "target < 3 s; archive from one --once training run");
        }
        report.row("6. start-up to ready, Quarkus", "see bench/runtimes", "", "both runtimes, alternating, in one run");
    }

    /** One --once run on the sandbox in an empty folder, writing its class-data archive at exit. */
    private static void train(Path archive) throws Exception {
        Path training = Workspace.scratch();
        ProcessBuilder trainer = new ProcessBuilder(
                        Workspace.jdkTool("java"),
                        "-XX:ArchiveClassesAtExit=" + archive,
                        "-jar",
                        Workspace.JAR.toString(),
                        "--once")
                .directory(training.toFile())
                .redirectErrorStream(true)
                .redirectOutput(training.resolve("train.log").toFile());
        trainer.environment()
                .putAll(Map.of(
                        "CAMEL_MAIN_PROFILE",
                        "sandbox",
                        "INTAKE_REST_PORT",
                        String.valueOf(Workspace.freePort()),
                        "MANAGEMENT_PORT",
                        String.valueOf(Workspace.freePort()),
                        "JMS_EMBEDDED_PORT",
                        String.valueOf(Workspace.freePort())));
        Process train = trainer.start();
        if (!train.waitFor(120, TimeUnit.SECONDS) || !Files.exists(archive)) {
            throw new IllegalStateException("the training run made no archive; see " + training.resolve("train.log"));
        }
    }
}
