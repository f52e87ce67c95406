package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;

/**
 * A file in the inbox, the application killed with SIGKILL {@code --kills} times, each once the stand-in has received
 * 15,000 more numbers, and started again on the same folder; then run until the file is done: numbers sent twice, lost.
 */
final class CrashMeasure implements Measure {

    @Override
    public Map<String, String> names() {
        return Map.of(
                "crash",
                "a file of --crash-numbers numbers, the service killed with SIGKILL --kills times (each once the"
                        + " stand-in, 100 ms, has 15,000 more), then run to the end: numbers sent twice, lost");
    }

    @Override
    public void run(Options options, Set<String> chosen, Report report) throws Exception {
        int numbers = options.integer("crash-numbers");
        int kills = options.integer("kills");
        try (StandIn standIn = StandIn.start(100, 0)) {
            Path work = Workspace.scratch();
            Path inbox = work.resolve("data/inbox");
            Files.createDirectories(inbox);
            Path file = work.resolve("crm.txt");
            Workspace.writeNumbers(file, numbers, 60_000_000L);
            Files.move(file, inbox.resolve("crm.txt"), StandardCopyOption.ATOMIC_MOVE);
            int killed = 0;
            for (int k = 0; k < kills && Files.exists(inbox.resolve("crm.txt")); k++) {
                long before = standIn.values.get();
                Process process = App.create(work, standIn, Map.of(), "-Xmx256m").process;
                while (standIn.values.get() < before + 15_000
                        && Files.exists(inbox.resolve("crm.txt"))
                        && process.isAlive()) {
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
            report.row(
                    "7. crash: " + killed + " x kill -9 during a file",
                    numbers + " numbers, stand-in 100 ms",
                    (received - distinct) + " sent twice",
                    (numbers - distinct) + " lost (target: 0; sent twice <= " + killed
                            + " x 6,000 once the checkpoint saves have caught up)");
        }
    }
}
