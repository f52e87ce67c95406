package bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static bench.Report.f0;
import static bench.Report.f1;

/** Row 4: single-number REST requests from client threads; rate, and p99 from the 202 to the stand-in's receipt. */
final class RestMeasure implements Measure {

    @Override
    public Map<String, String> names() {
        return Map.of(
                "messages",
                "row 4: --messages single-number REST requests from --rest-clients client threads; rate, and"
                        + " p99 from the 202 to the stand-in's receipt");
    }

    @Override
    public void run(Options options, Set<String> chosen, Report report) throws Exception {
        int messages = options.integer("messages");
        int preferWait = options.integer("prefer-wait");
        int clientThreads = options.integer("rest-clients");
        try (StandIn standIn = StandIn.start()) {
            App app = App.start(Workspace.scratch(), standIn, Map.of(), "-Xmx256m");
            try {
                Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
                HttpClient http = HttpClient.newBuilder()
                        .executor(Executors.newFixedThreadPool(4))
                        .build();
                ExecutorService clients = Executors.newFixedThreadPool(clientThreads);
                AtomicInteger next = new AtomicInteger();
                long start = System.nanoTime();
                for (int t = 0; t < clientThreads; t++) {
                    clients.submit(() -> {
                        for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                            String number = String.format("+9198%08d", 40_000_000L + i);
                            HttpRequest.Builder builder = HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + app.restPort + "/1/disassociate"))
                                    .header("Authorization", "Bearer bench-token")
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"d\":[{\"type\":\"phone\",\"value\":\"" + number + "\"}]}"));
                            if (preferWait > 0) {
                                builder.header("Prefer", "wait=" + preferWait);
                            }
                            HttpResponse<String> response =
                                    http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != (preferWait > 0 ? 200 : 202)) {
                                throw new IllegalStateException(
                                        "REST answered " + response.statusCode() + ": " + response.body());
                            }
                            acceptedAt.put(number, System.nanoTime());
                        }
                        return null;
                    });
                }
                clients.shutdown();
                clients.awaitTermination(1, TimeUnit.HOURS);
                System.out.printf("REST: every request answered in %.1f s%n", (System.nanoTime() - start) / 1e9);
                long last = standIn.awaitDelivered(app, messages, start);
                double seconds = (last - start) / 1e9;
                long[] delays = acceptedAt.entrySet().stream()
                        .mapToLong(e -> standIn.receivedAt.getOrDefault(e.getKey(), last) - e.getValue())
                        .sorted()
                        .toArray();
                report.row(
                        "4. message path, REST, " + clientThreads + " clients"
                                + (preferWait > 0 ? ", each waiting (Prefer: wait=" + preferWait + ")" : ""),
                        messages + " requests in " + f1(seconds) + " s",
                        f0(messages / seconds) + " numbers/s",
                        "p99 accepted->delivered " + delays[(int) (delays.length * 0.99)] / 1_000_000
                                + " ms (target >= 20,000/s)");
            } finally {
                app.stop();
            }
        }
    }
}
