package org.disassociate.clevertap.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * GETs on the application's management server on loopback (health, metrics), for the in-process tests and the forked
 * ones alike: it depends only on the JDK.
 */
public final class ManagementCalls {

    private ManagementCalls() {}

    /** A GET of {@code path} on the management server listening on {@code port}. */
    public static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return Fixtures.HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Fixtures.REQUEST_TIMEOUT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * {@code /observe/metrics} in the Prometheus text format, as a map from a sample's name and labels (as in
     * {@code clevertap_numbers_sent_total{account="india"}}) to its value; fails unless the service's meters are there.
     */
    public static Map<String, Double> metrics(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = get(port, "/observe/metrics");
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 200 || !contentType.startsWith("text/plain")) {
            throw new AssertionError("/observe/metrics answered " + response.statusCode() + " " + response.headers());
        }
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n", -1)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        if (!samples.containsKey("clevertap_numbers_pending")) {
            throw new AssertionError("the service's meters are not published: " + response.body());
        }
        return samples;
    }

    /**
     * Whether the readiness check answers 200 within 2 s, as a load balancer asks; a server that does not listen (yet,
     * or any more) is not ready.
     */
    public static boolean isReady(int port) throws InterruptedException {
        return isReady(port, Fixtures.HTTP);
    }

    /** The same, asked with this client (one the test goes on using at once, already warm). */
    public static boolean isReady(int port, HttpClient client) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            return client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
