package org.disassociate.clevertap.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.ManagementCalls;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operators' dashboard ({@code ops/grafana}) and alert rules ({@code ops/prometheus}) read metrics that the service
 * exports: every metric name their PromQL uses is in {@code /observe/metrics} once a number has gone through.
 */
class DashboardMetricsTest extends ApplicationTestSupport {

    static final Path DASHBOARD = Path.of("ops", "grafana", "clevertap-disassociate.json");
    static final Path ALERTS = Path.of("ops", "prometheus", "alerts.yml");

    /** The service's metric names; label values such as clevertap-api-sea are not (a dash). */
    private static final Pattern SERVICE_METRIC = Pattern.compile("\\bclevertap_[a-z0-9_]+");
    /** A name followed by a selector or a range: a series, whoever exports it. */
    private static final Pattern SERIES = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*[{\\[]");

    @Test
    void everyMetricOfTheDashboardAndTheAlertsIsExported() throws Exception {
        drop("numbers.txt", "+919812345601\n+919812345699\nnot-a-number\n");
        awaitDone("numbers.txt");

        Set<String> used = new TreeSet<>(metricsOf(dashboardExpressions(DASHBOARD)));
        used.addAll(metricsOf(alertExpressions(ALERTS)));
        assertTrue(
                used.containsAll(Set.of(
                        "clevertap_numbers_accepted_total",
                        "clevertap_requests_seconds_bucket",
                        "clevertap_spool_oldest_seconds",
                        "clevertap_health")),
                "the names are found: " + used);

        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Double> metrics = ManagementCalls.metrics(managementPort);
            assertEquals(Set.of(), missing(used, metrics), "used by the dashboard or the alerts, not exported");
            // what a number that went through leaves in the service's own new meters
            assertEquals(1.0, metrics.get("clevertap_numbers_error_channel_total{account=\"default\",code=\"523\"}"));
            assertEquals(1.0, metrics.get("clevertap_numbers_error_channel_total{account=\"none\",code=\"none\"}"));
            assertEquals(1.0, metrics.get("clevertap_health{check=\"error-channel\"}"));
            assertEquals(1.0, metrics.get("clevertap_health{check=\"clevertap-api-default\"}"));
            assertEquals(0.0, metrics.get("clevertap_spool_files{account=\"default\"}"));
            assertEquals(0.0, metrics.get("clevertap_spool_oldest_seconds{account=\"default\"}"));
        });

        // a dashboard with one name misspelled is caught
        String misspelled = Files.readString(DASHBOARD)
                .replace("clevertap_numbers_processed_total", "clevertap_numbers_procesed_total");
        Path copy = Files.writeString(work.resolve("misspelled.json"), misspelled);
        assertEquals(
                Set.of("clevertap_numbers_procesed_total"),
                missing(metricsOf(dashboardExpressions(copy)), ManagementCalls.metrics(managementPort)));
    }

    @Test
    void theHealthGaugeOfAnAccountIsDownWhileCleverTapRefusesIt() throws Exception {
        await().atMost(WAIT).until(() -> health("clevertap-api-default") == 1.0);
        standIn.answerAlways(
                aResponse().withStatus(401).withBody("{\"status\":\"fail\",\"error\":\"Invalid Credentials\"}"));

        drop("refused.txt", "+919812345601\n");
        awaitDone("refused.txt");

        await().atMost(WAIT).until(() -> health("clevertap-api-default") == 0.0);
        assertEquals(
                1.0,
                ManagementCalls.metrics(managementPort)
                        .get("clevertap_numbers_error_channel_total{account=\"default\",code=\"401\"}"));
        standIn.reset();
        drop("accepted.txt", "+919812345602\n");
        awaitDone("accepted.txt");
        await().atMost(WAIT).until(() -> health("clevertap-api-default") == 1.0);
    }

    private double health(String check) throws Exception {
        Double value = ManagementCalls.metrics(managementPort).get("clevertap_health{check=\"" + check + "\"}");
        return value == null ? Double.NaN : value;
    }

    /** The names of {@code used} that no sample of the scrape has (a histogram's are its _bucket, _count, _sum). */
    private static Set<String> missing(Set<String> used, Map<String, Double> scrape) {
        Set<String> exported = scrape.keySet().stream()
                .map(sample -> sample.replaceFirst("\\{.*", ""))
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(exported);
        return missing;
    }

    /** The metric names of these PromQL expressions; any series they select must be one of the service's. */
    private static Set<String> metricsOf(List<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            Matcher series = SERIES.matcher(expression);
            while (series.find()) {
                assertTrue(
                        series.group(1).startsWith("clevertap_"),
                        "not a metric of the service: " + series.group(1) + " in " + expression);
            }
            Matcher metric = SERVICE_METRIC.matcher(expression);
            while (metric.find()) {
                names.add(metric.group());
            }
        }
        return names;
    }

    /** Every panel's queries and the template variables' queries. */
    private static List<String> dashboardExpressions(Path dashboard) throws Exception {
        JsonNode root = CleverTapStandIn.MAPPER.readTree(dashboard.toFile());
        List<String> expressions = new ArrayList<>();
        root.findValues("expr").forEach(expr -> expressions.add(expr.asText()));
        root.path("templating")
                .path("list")
                .forEach(variable -> expressions.add(variable.path("definition").asText()));
        assertTrue(expressions.size() > 10, "the dashboard's queries: " + expressions);
        return expressions;
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertExpressions(Path alerts) throws Exception {
        Map<String, Object> root =
                (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(alerts));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add((String) rule.get("expr"));
            }
        }
        assertEquals(6, expressions.size(), "the alerts");
        return expressions;
    }
}
