package bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static bench.Report.f0;
import static bench.Report.f1;

/**
 * Rows 7, 7a and 7b: one-number persistent messages from a bulk producer to the embedded broker of a fresh
 * application; the producer alone, the intake off; the same messages already waiting, then the intake alone.
 */
final class JmsMeasure implements Measure {

    @Override
    public Map<String, String> names() {
        return Map.of(
                "jms",
                "rows 7, 7a, 7b: --jms-messages one-number persistent messages from a bulk producer (transactions"
                        + " of 500); the producer alone; the messages waiting, then the intake alone");
    }

    @Override
    public void run(Options options, Set<String> chosen, Report report) throws Exception {
        int messages = options.integer("jms-messages");
        try (StandIn standIn = StandIn.start()) {
            int jmsPort = Workspace.freePort();
            App app = App.start(
                    Workspace.scratch(), standIn, Map.of("JMS_EMBEDDED_PORT", String.valueOf(jmsPort)), "-Xmx256m");
            try {
                double appCpu = app.cpuSeconds();
                double benchCpu = Cpu.benchSeconds();
                long start = System.nanoTime();
                double produced = Producer.numbers(jmsPort, messages, 50_000_000L);
                long last = standIn.awaitDelivered(app, messages, start);
                double seconds = (last - start) / 1e9;
                report.row(
                        "7. message path, JMS, bulk producer (transactions of 500)",
                        messages + " messages in " + f1(seconds) + " s",
                        f0(messages / seconds) + " numbers/s",
                        "producer done in " + f1(produced) + " s (target >= 20,000/s); "
                                + Cpu.line(app.cpuSeconds() - appCpu, Cpu.benchSeconds() - benchCpu, seconds));
            } finally {
                app.stop();
            }
            // the intake alone: the messages wait on the broker (the JMS intake off, the broker kept for an error
            // channel
            // on a queue), then an application with the intake on takes them; first to last number at the API
            Path drain = Workspace.scratch();
            Map<String, String> brokerOnly = Map.of(
                    "JMS_EMBEDDED_PORT",
                    String.valueOf(jmsPort),
                    "INTAKE_JMS_ENABLED",
                    "false",
                    "ERRORS_URI",
                    "jms:queue:bench.errors");
            app = App.start(drain, standIn, brokerOnly, "-Xmx256m");
            double producedAlone = Producer.numbers(jmsPort, messages, 60_000_000L);
            app.stop();
            report.row(
                    "7a. the bulk producer alone (" + messages + " messages, the intake off)",
                    f1(producedAlone) + " s",
                    f0(messages / producedAlone) + " messages/s",
                    "what bounds row 7 on this machine");
            int before = standIn.receivedAt.size();
            app = App.start(drain, standIn, Map.of("JMS_EMBEDDED_PORT", String.valueOf(jmsPort)), "-Xmx256m");
            try {
                double appCpu = app.cpuSeconds();
                standIn.awaitDelivered(app, before + messages, System.nanoTime());
                double drainCpu = app.cpuSeconds() - appCpu;
                long[] times = standIn.receivedAt.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("+919860"))
                        .mapToLong(Map.Entry::getValue)
                        .sorted()
                        .toArray();
                double seconds = (times[times.length - 1] - times[0]) / 1e9;
                report.row(
                        "7b. message path, JMS, " + messages + " messages waiting",
                        "first to last number at the API in " + f1(seconds) + " s",
                        f0(messages / seconds) + " numbers/s",
                        "the intake alone (target >= 20,000/s);" + " application CPU " + f1(drainCpu)
                                + " s from ready to the last number");
            } finally {
                app.stop();
            }
        }
    }
}
