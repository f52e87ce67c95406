package org.disassociate.clevertap;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.Fixtures;
import org.disassociate.clevertap.testing.ForkedApplication;
import org.disassociate.clevertap.testing.ManagementCalls;
import org.disassociate.clevertap.testing.QueueClient;
import org.disassociate.clevertap.testing.RestCalls;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user relies on, from outside, on the packaged application of either runtime ({@link ForkedApplication}):
 * Camel Main's jar in {@code ./mvnw verify}, Camel Quarkus' {@code quarkus-run.jar} in
 * {@code ./mvnw -Dcamel-quarkus clean verify}.
 * One application for the class, started once, against the API stand-in.
 */
class RuntimeIT {

    @RegisterExtension
    static final CleverTapStandIn standIn = new CleverTapStandIn();

    static Path work;
    static Process application;
    static int restPort;
    static int managementPort;
    static int jmsPort;
    static final List<String> FIRST_NUMBERS = List.of("+919800000701");
    static HttpResponse<String> firstRequest;
    static IOException firstRequestFailure;

    @BeforeAll
    // firstRequestFailure: the first request's failure kept for the test that asserts on it, not a prebuilt
    // exception thrown from many places
    @SuppressWarnings("StaticAssignmentOfThrowable")
    static void start() throws Exception {
        work = TestFiles.newWorkFolder();
        restPort = Fixtures.freePort();
        managementPort = Fixtures.freePort();
        jmsPort = Fixtures.freePort();
        // a route of the test's own beside the application's, as a host's: a folder of its own to the kamelet
        Path hostRoutes = work.resolve("host-routes");
        Files.createDirectories(hostRoutes);
        Files.writeString(hostRoutes.resolve("host.camel.yaml"), """
                - route:
                    id: host-numbers
                    from:
                      uri: "file:%s"
                      steps:
                        - to: kamelet:clevertap-disassociate-sink
                """.formatted(work.resolve("esb-in")));
        application = ForkedApplication.builder(
                        work,
                        standIn.environment(Map.of(
                                "CAMEL_MAIN_ROUTES_INCLUDE_PATTERN",
                                "file:routes/*.camel.yaml,file:" + hostRoutes + "/host.camel.yaml",
                                "CLEVERTAP_BATCH_TIMEOUT_MS",
                                "300",
                                "INTAKE_REST_TOKEN",
                                Fixtures.TOKEN,
                                "INTAKE_REST_PORT",
                                String.valueOf(restPort),
                                "MANAGEMENT_PORT",
                                String.valueOf(managementPort),
                                "JMS_EMBEDDED_PORT",
                                String.valueOf(jmsPort))))
                .start();
        await().atMost(Fixtures.WAIT.multipliedBy(2))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> ManagementCalls.isReady(managementPort));
        // ready means the REST intake takes requests: the first goes right after the first 200, with no wait for the
        // port
        try {
            firstRequest = RestCalls.to(restPort).json().bearer(Fixtures.TOKEN).postNumbers(FIRST_NUMBERS);
        } catch (IOException refused) {
            firstRequestFailure = refused;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        ForkedApplication.stop(application);
        String log = Files.readString(work.resolve("output.log"));
        assertFalse(log.contains(CleverTapStandIn.PASSCODE), "the passcode is never logged");
        // each bean is made once: the settings are checked, and the broker started, once
        assertEquals(
                1,
                log.split(java.util.regex.Pattern.quote("CleverTap account default ("), -1).length - 1,
                "the settings bean was made once");
        assertEquals(
                1,
                log.split("JMS: embedded ActiveMQ Artemis broker at", -1).length - 1,
                "the broker bean was made once");
    }

    static HttpResponse<String> management(String path) throws Exception {
        return ManagementCalls.get(managementPort, path);
    }

    static List<String> errorValues() {
        return TestFiles.errorRecords(work.resolve("errors")).stream()
                .map(e -> e.path("record").path("value").asText())
                .toList();
    }

    @Test
    void theRestIntakeTakesARequestAtTheFirstReadyAnswer() {
        assertNull(firstRequestFailure, () -> "a request right after readiness's first 200: " + firstRequestFailure);
        assertEquals(202, firstRequest.statusCode(), firstRequest.body());
        await().atMost(Fixtures.WAIT).until(() -> standIn.delivered().containsAll(FIRST_NUMBERS));
    }

    @Test
    void aFileGoesThroughValidationBatchingTheApiAndTheErrorChannel() {
        TestFiles.drop(work.resolve("inbox"), "crm.txt", "+919800000101\n98000 00102\n+919800000199\nnot-a-number\n");

        await().atMost(Fixtures.WAIT).until(() -> Files.exists(work.resolve("inbox/.done/crm.txt")));
        assertTrue(standIn.delivered().containsAll(List.of("+919800000101", "+919800000102", "+919800000199")));
        await().atMost(Fixtures.WAIT).until(() -> errorValues().containsAll(List.of("not-a-number", "+919800000199")));
        JsonNode refused = TestFiles.errorRecords(work.resolve("errors")).stream()
                .filter(e -> e.path("record").path("value").asText().equals("+919800000199"))
                .findFirst()
                .orElseThrow();
        assertEquals(523, refused.path("code").asInt());
        assertEquals("file:crm.txt", refused.path("source").asText());
        assertTrue(Files.exists(work.resolve("inbox/.done/crm.txt.report.json")));
    }

    @Test
    void restTakesTheTokenOrCleverTapsCredentialsAndRefusesOthers() throws Exception {
        RestCalls rest = RestCalls.to(restPort).json();
        HttpResponse<String> bearer = rest.bearer(Fixtures.TOKEN).postNumbers(List.of("+919800000201"));
        assertEquals(202, bearer.statusCode(), bearer.body());
        HttpResponse<String> clevertap = rest.cleverTap(CleverTapStandIn.ACCOUNT_ID, CleverTapStandIn.PASSCODE)
                .postNumbers(List.of("+919800000202"));
        assertEquals(202, clevertap.statusCode(), clevertap.body());
        HttpResponse<String> wrong = rest.bearer("wrong").postNumbers(List.of("+919800000203"));
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("\"error\""), wrong.body());

        await().atMost(Fixtures.WAIT)
                .until(() -> standIn.delivered().containsAll(List.of("+919800000201", "+919800000202")));
        assertFalse(standIn.delivered().contains("+919800000203"));
    }

    @Test
    void anEmptyBodyOrOneWithAnythingAfterItsJsonIs400WithAJsonError() throws Exception {
        RestCalls rest = RestCalls.to(restPort).json().bearer(Fixtures.TOKEN);
        for (String body : List.of("", "{\"d\":[{\"type\":\"phone\",\"value\":\"+919800000401\"}]}garbage")) {
            HttpResponse<String> refused = rest.post(body);
            assertEquals(400, refused.statusCode(), "'" + body + "': " + refused.body());
            assertTrue(refused.body().startsWith("{\"error\":"), refused.body());
        }
        assertFalse(standIn.delivered().contains("+919800000401"));
    }

    @Test
    void aBodyOverTheSizeLimitIs413WithAJsonError() throws Exception {
        // 11 MB, over the 10 MiB of intake.rest.max-body-bytes
        String big = "{\"d\":[" + "{\"type\":\"phone\",\"value\":\"+919800000801\"},".repeat(260_000) + "]}";
        HttpResponse<String> refused =
                RestCalls.to(restPort).json().bearer(Fixtures.TOKEN).post(big);
        assertEquals(413, refused.statusCode(), refused.body());
        assertTrue(refused.body().startsWith("{\"error\":"), refused.body());
        assertFalse(standIn.delivered().contains("+919800000801"));
    }

    @Test
    void aChunkedBodyThatGrowsOverTheSizeLimitIs413WithAJsonError() throws Exception {
        // no Content-Length: the server finds the body too large only while it reads it
        Path big = work.resolve("big-chunked.json");
        Files.writeString(big, "{\"d\":[" + "{\"type\":\"phone\",\"value\":\"+919800000901\"},".repeat(260_000) + "]}");
        Process curl = new ProcessBuilder(
                        "curl",
                        "-sS",
                        "-o",
                        "-",
                        "-w",
                        "\n%{http_code}",
                        "-H",
                        "Transfer-Encoding: chunked",
                        "-H",
                        "Content-Type: application/json; charset=utf-8",
                        "-H",
                        "Authorization: Bearer " + Fixtures.TOKEN,
                        "--data-binary",
                        "@" + big,
                        "http://127.0.0.1:" + restPort + "/1/disassociate")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(curl.waitFor(60, TimeUnit.SECONDS));
        assertTrue(output.endsWith("\n413") && output.startsWith("{\"error\":"), output);
        assertFalse(standIn.delivered().contains("+919800000901"));
    }

    @Test
    void aJmsMessageOnTheEmbeddedBrokerIsDelivered() throws Exception {
        QueueClient.sendTexts("tcp://127.0.0.1:" + jmsPort, List.of("+919800000301\n+919800000302"));

        await().atMost(Fixtures.WAIT)
                .until(() -> standIn.delivered().containsAll(List.of("+919800000301", "+919800000302")));
    }

    @Test
    void theKameletTakesTheNumbersOfAnotherRoute() {
        TestFiles.drop(work.resolve("esb-in"), "esb.txt", "+919800000501\n+919800000502\n");

        await().atMost(Fixtures.WAIT)
                .until(() -> standIn.delivered().containsAll(List.of("+919800000501", "+919800000502")));
    }

    @Test
    void healthAndMetricsAnswerAtTheSameUrlsOnTheManagementPort() throws Exception {
        assertEquals(200, management("/observe/health").statusCode());
        assertEquals(200, management("/observe/health/live").statusCode());
        HttpResponse<String> ready = management("/observe/health/ready");
        assertEquals(200, ready.statusCode());
        assertTrue(
                ready.body().contains("clevertap-api")
                        && ready.body().contains("error-channel")
                        && ready.body().contains("rest-intake"),
                ready.body());

        HttpResponse<String> metrics = management("/observe/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("clevertap_numbers_pending"), "the service's meters are published");
        assertTrue(metrics.body().contains("clevertap_numbers_accepted_total{intake=\"file\""), metrics.body());
    }
}
