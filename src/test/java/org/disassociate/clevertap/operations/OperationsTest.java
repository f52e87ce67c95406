package org.disassociate.clevertap.operations;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.ManagementCalls;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator reads off a running instance: metrics, readiness and liveness, and the run report of each file. */
class OperationsTest extends ApplicationTestSupport {

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        // the throttling test's 429s come at random: enough retries that no batch runs out of them
        p.setProperty("clevertap.retry.max-attempts", "20");
        return p;
    }

    @Test
    void metricsCountEachIntakeAndEachOutcomeInPrometheusFormat() throws Exception {
        drop("crm.txt", "+919812345601\n+919812345602\n+919812345699\nnot-a-number\n");
        HttpResponse<String> accepted =
                postJson(TestFiles.disassociateBody(List.of("+919812345603", "+919812345604", "12")));
        assertEquals(202, accepted.statusCode(), accepted.body());
        awaitDone("crm.txt");
        await().atMost(WAIT).until(() -> standIn.delivered().size() == 5);

        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Double> metrics = scrape();
            assertEquals(3.0, metrics.get("clevertap_numbers_accepted_total{intake=\"file\"}"));
            assertEquals(2.0, metrics.get("clevertap_numbers_accepted_total{intake=\"rest\"}"));
            assertEquals(0.0, metrics.get("clevertap_numbers_accepted_total{intake=\"jms\"}"));
            assertEquals(1.0, metrics.get("clevertap_numbers_invalid_total{intake=\"file\"}"));
            assertEquals(1.0, metrics.get("clevertap_numbers_invalid_total{intake=\"rest\"}"));
            assertEquals(5.0, metrics.get("clevertap_numbers_sent_total{account=\"default\"}"));
            assertEquals(4.0, metrics.get("clevertap_numbers_processed_total{account=\"default\"}"));
            assertEquals(1.0, metrics.get("clevertap_numbers_unprocessed_total{account=\"default\",code=\"523\"}"));
            double requests = standIn.requests().size();
            assertEquals(requests, metrics.get("clevertap_batches_sent_total{account=\"default\"}"));
            assertEquals(requests, metrics.get("clevertap_requests_seconds_count{account=\"default\",status=\"200\"}"));
            assertEquals(5.0, metrics.get("clevertap_batch_size_numbers_sum{account=\"default\"}"));
            assertEquals(0.0, metrics.get("clevertap_requests_in_flight{account=\"default\"}"));
            assertEquals(0.0, metrics.get("clevertap_batches_open"));
            assertEquals(0.0, metrics.get("clevertap_numbers_pending"));
            assertEquals(0.0, metrics.get("clevertap_requests_throttled_total{account=\"default\"}"));
        });
    }

    @Test
    void throttledAndRetriedRequestsAreCounted() throws Exception {
        standIn.misbehave(3, 0.5, 0, 0);
        drop("busy.txt", numbers(3000, 1));
        awaitDone("busy.txt");

        Map<String, Double> metrics = scrape();
        double throttled = metrics.get("clevertap_requests_throttled_total{account=\"default\"}");
        assertTrue(throttled > 0, "the seeded stand-in answered some 429s");
        assertEquals(throttled, metrics.get("clevertap_requests_seconds_count{account=\"default\",status=\"429\"}"));
        assertEquals(
                throttled,
                metrics.get("clevertap_requests_retries_total{account=\"default\"}"),
                "each 429 was retried once more");
        assertEquals(3.0, metrics.get("clevertap_batches_sent_total{account=\"default\"}"));
        assertEquals(
                3000.0 - 30,
                metrics.get("clevertap_numbers_processed_total{account=\"default\"}"),
                "all but the 30 ending in 99 (code 523)");
    }

    @Test
    void readinessIsDownWhileCleverTapRefusesTheAccountAndLivenessStaysUp() throws Exception {
        await().atMost(WAIT).until(() -> management("/observe/health/ready").statusCode() == 200);
        standIn.answerAlways(
                aResponse().withStatus(401).withBody("{\"status\":\"fail\",\"error\":\"Invalid Credentials\"}"));

        drop("refused.txt", "+919812345601\n");
        awaitDone("refused.txt");

        HttpResponse<String> ready = management("/observe/health/ready");
        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(
                ready.body().contains("clevertap-api") && ready.body().contains("CleverTap answered 401"),
                ready.body());
        assertFalse(ready.body().contains(CleverTapStandIn.PASSCODE));
        assertEquals(200, management("/observe/health/live").statusCode());

        standIn.reset();
        drop("accepted.txt", "+919812345602\n");
        awaitDone("accepted.txt");
        assertEquals(200, management("/observe/health/ready").statusCode());
    }

    @Test
    void eachFileGetsARunReportBesideItInDone() throws Exception {
        drop("mixed.txt", "+919812345601\n+919812345699\nnot-a-number\n");
        drop("clean.txt", "+919812345602\n");
        awaitDone("mixed.txt");
        awaitDone("clean.txt");

        JsonNode mixed = report(".done", "mixed.txt");
        assertEquals("mixed.txt", mixed.path("file").asText());
        assertEquals("delivered-with-errors", mixed.path("outcome").asText());
        assertEquals(2, mixed.path("accepted").asLong());
        assertEquals(1, mixed.path("invalid").asLong());
        assertEquals(1, mixed.path("processed").asLong());
        assertEquals(1, mixed.path("failed").asLong());
        assertFalse(mixed.path("firstBatchAt").isNull());
        assertFalse(mixed.path("lastBatchAt").isNull());
        assertTrue(mixed.path("durationMs").asLong() > 0);
        assertEquals("file:mixed.txt", mixed.path("errorSource").asText());
        String today = LocalDate.now(ZoneId.systemDefault()).toString();
        assertTrue(
                mixed.path("errorChannel").asText().contains(errorsDir().toString())
                        && mixed.path("errorChannel").asText().contains("errors-" + today + ".jsonl"),
                mixed.toString());
        assertEquals(
                2,
                errors().stream()
                        .filter(e -> e.path("source").asText().equals("file:mixed.txt"))
                        .count(),
                "the error records are found by the report's errorSource");

        assertEquals("delivered", report(".done", "clean.txt").path("outcome").asText());
    }

    @Test
    void aFileThatCannotBeReadGetsARunReportInFailed() throws Exception {
        byte[] binary = new byte[4096];
        new Random(5).nextBytes(binary);
        binary[10] = 0;
        drop("image.txt", binary);
        awaitFailed("image.txt");

        await().atMost(WAIT).until(() -> Files.exists(inbox().resolve(".failed").resolve("image.txt.report.json")));
        JsonNode report = report(".failed", "image.txt");
        assertEquals("failed", report.path("outcome").asText());
        assertTrue(report.path("reason").asText().contains("binary"), report.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKubernetesProbesAskEndpointsThatAnswerOnTheConfiguredManagementPort() throws Exception {
        Properties config = new Properties();
        try (var in = Files.newInputStream(Path.of("config", "application.properties"))) {
            config.load(in);
        }
        List<String> probed = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build())
                .loadAllFromString(Files.readString(Path.of("src", "main", "kubernetes", "kubernetes.yml")))) {
            Map<String, Object> resource = (Map<String, Object>) document;
            if (!"StatefulSet".equals(resource.get("kind"))) {
                continue;
            }
            Map<String, Object> pod = (Map<String, Object>)
                    ((Map<String, Object>) ((Map<String, Object>) resource.get("spec")).get("template")).get("spec");
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            int managementPort = ((List<Map<String, Object>>) container.get("ports"))
                    .stream()
                            .filter(p -> "management".equals(p.get("name")))
                            .map(p -> (Integer) p.get("containerPort"))
                            .findFirst()
                            .orElseThrow();
            assertEquals(config.getProperty("management.port"), String.valueOf(managementPort));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Map<String, Object> get =
                        (Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet");
                assertEquals("management", get.get("port"), probe);
                probed.add((String) get.get("path"));
            }
        }
        assertEquals(3, probed.size());
        await().atMost(WAIT).until(() -> management("/observe/health/ready").statusCode() == 200);
        for (String path : probed) {
            assertEquals(200, management(path).statusCode(), path);
        }
    }

    private JsonNode report(String folder, String file) throws Exception {
        Path path = inbox().resolve(folder).resolve(file + ".report.json");
        assertTrue(Files.exists(path), "no report " + path);
        return CleverTapStandIn.MAPPER.readTree(path.toFile());
    }

    /** The Prometheus text format, as a map from a sample's name and labels to its value. */
    private Map<String, Double> scrape() throws Exception {
        return ManagementCalls.metrics(managementPort);
    }
}
