package org.disassociate.clevertap;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.Fixtures;
import org.disassociate.clevertap.testing.ForkedApplication;
import org.disassociate.clevertap.testing.ManagementCalls;
import org.disassociate.clevertap.testing.OtlpReceiver;
import org.disassociate.clevertap.testing.RestCalls;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenTelemetry tracing of the packaged application ({@link ForkedApplication}: the runtime of the system property
 * {@code runtime}), exporting to an {@link OtlpReceiver} on loopback, configured only as an operator does: Camel's own
 * switch {@code CAMEL_OPENTELEMETRY2_ENABLED} and the standard {@code OTEL_*} variables. On, a REST call's trace
 * continues its caller's, its batch links to it, and no span carries a number or the passcode; off (the default), nothing is exported and no
 * exporter runs. One application per test.
 */
class TracingIT {

    @RegisterExtension
    static final CleverTapStandIn standIn = new CleverTapStandIn();

    static final String VALID = "+919800006001";
    /** Too short to be an Indian number: refused by validation, into the error channel. */
    static final String INVALID = "+9198000060";
    /** Digits both numbers share, as any exported form of either would hold them. */
    static final String SHARED_DIGITS = "98000060";

    static final String COLLECTOR_KEY = "collector-key-for-tests";
    /** What Camel's tracer logs as it starts: there only when Camel traces the routes. */
    static final String CAMEL_TRACER = "Opentelemetry2 enabled";
    /** The OpenTelemetry SDK's batch span processor thread: the exporter's, there only when tracing is on. */
    static final String EXPORTER_THREAD = "BatchSpanProcessor_WorkerThread";

    final OtlpReceiver receiver = OtlpReceiver.start();
    Path work;
    Process application;

    @AfterEach
    void stop() throws Exception {
        try {
            if (application != null) {
                ForkedApplication.stop(application);
                String log = Files.readString(work.resolve("output.log"));
                assertFalse(log.contains(CleverTapStandIn.PASSCODE), "the passcode is never logged");
            }
        } finally {
            receiver.close();
        }
    }

    /** Starts the application with the standard exporter settings pointing at the receiver, and {@code more}. */
    int start(Map<String, String> more) throws Exception {
        work = TestFiles.newWorkFolder();
        int restPort = Fixtures.freePort();
        int managementPort = Fixtures.freePort();
        Map<String, String> env = new HashMap<>(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT",
                receiver.endpoint(),
                "OTEL_EXPORTER_OTLP_PROTOCOL",
                "http/protobuf",
                "OTEL_SERVICE_NAME",
                "clevertap-disassociate",
                // a collector's credentials, as a hosted one takes them
                "OTEL_EXPORTER_OTLP_HEADERS",
                "x-collector-key=" + COLLECTOR_KEY,
                // spans leave 100 ms after they end, not 5 s: what arrives, arrives soon
                "OTEL_BSP_SCHEDULE_DELAY",
                "100",
                "CLEVERTAP_BATCH_TIMEOUT_MS",
                "200",
                "INTAKE_REST_PORT",
                String.valueOf(restPort),
                "MANAGEMENT_PORT",
                String.valueOf(managementPort)));
        env.putAll(more);
        application = ForkedApplication.builder(work, standIn.environment(env)).start();
        await().atMost(ForkedApplication.LONG_WAIT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> ManagementCalls.isReady(managementPort));
        return restPort;
    }

    /** One valid and one invalid number, with CleverTap's own credentials and a caller's {@code traceparent}. */
    HttpResponse<String> post(int restPort, String traceparent) throws Exception {
        return RestCalls.to(restPort)
                .json()
                .cleverTap(CleverTapStandIn.ACCOUNT_ID, CleverTapStandIn.PASSCODE)
                .header("traceparent", traceparent)
                .postNumbers(List.of(VALID, INVALID));
    }

    /** Waits until the application settled both numbers: the valid one at CleverTap, the invalid one in the error channel. */
    void awaitSettled() {
        await().atMost(Fixtures.WAIT).until(() -> standIn.delivered().contains(VALID));
        await().atMost(Fixtures.WAIT)
                .until(() -> TestFiles.errorRecords(work.resolve("errors")).stream()
                        .anyMatch(e -> e.path("record").path("value").asText().equals(INVALID)));
    }

    String threadDump() throws Exception {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(application.pid()),
                        "Thread.print")
                .redirectErrorStream(true)
                .start();
        String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jcmd.waitFor(60, TimeUnit.SECONDS));
        assertTrue(dump.contains("\"main\""), dump);
        return dump;
    }

    @Test
    void onARestCallsTraceContinuesItsCallersAndCarriesNoNumberNorPasscode() throws Exception {
        int restPort = start(Map.of("CAMEL_OPENTELEMETRY2_ENABLED", "true"));
        HexFormat hex = HexFormat.of();
        String traceId = hex.formatHex(randomBytes(16));
        String callerSpanId = hex.formatHex(randomBytes(8));

        HttpResponse<String> answer = post(restPort, "00-" + traceId + "-" + callerSpanId + "-01");
        assertEquals(202, answer.statusCode(), answer.body());
        awaitSettled();

        // the span of the call is the caller's span's child, in the caller's trace: Quarkus' HTTP server span (a
        // SERVER span), or on Camel Main the span of the REST intake's route
        await().atMost(Fixtures.WAIT)
                .untilAsserted(() -> assertTrue(
                        receiver.spans().stream()
                                .anyMatch(s -> s.traceId().equals(traceId)
                                        && s.parentSpanId().equals(callerSpanId)),
                        () -> "no span of the call in trace " + traceId + ": " + received()));
        // and the call to CleverTap is traced too (in whichever trace the spool starts): the whole way has been
        // exported
        await().atMost(Fixtures.WAIT)
                .untilAsserted(() -> assertTrue(
                        receiver.spans().stream()
                                .anyMatch(s -> s.attributes()
                                        .getOrDefault("camel.uri", "")
                                        .startsWith(standIn.baseUrl())),
                        () -> "no span of the call to CleverTap: " + received()));

        // the batch: a trace of its own, linked to the caller's; its request in it, with CleverTap's answer
        await().atMost(Fixtures.WAIT)
                .untilAsserted(() -> assertTrue(
                        receiver.spans().stream().anyMatch(s -> s.name().equals("clevertap.request")),
                        () -> "no request span: " + received()));
        // the batch's span ends after its request's, so it may come in a later export
        await().atMost(Fixtures.WAIT)
                .untilAsserted(() -> assertTrue(
                        receiver.spans().stream().anyMatch(s -> s.name().equals("clevertap.batch")),
                        () -> "no batch span: " + received()));
        OtlpReceiver.SpanView batch = receiver.spans().stream()
                .filter(s -> s.name().equals("clevertap.batch"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no batch span: " + received()));
        assertTrue(batch.links().stream().anyMatch(link -> link.traceId().equals(traceId)), batch::toString);
        assertEquals("1", batch.attributes().get("clevertap.batch.size"), batch::toString);
        OtlpReceiver.SpanView request = receiver.spans().stream()
                .filter(s -> s.name().equals("clevertap.request"))
                .findFirst()
                .orElseThrow();
        assertEquals(batch.spanId(), request.parentSpanId(), request::toString);
        assertEquals("200", request.attributes().get("http.response.status_code"), request::toString);
        assertEquals("1", request.attributes().get("clevertap.processed"), request::toString);
        // the invalid number's error record names the caller's trace
        assertEquals(
                traceId,
                TestFiles.errorRecords(work.resolve("errors")).stream()
                        .filter(e -> e.path("record").path("value").asText().equals(INVALID))
                        .findFirst()
                        .orElseThrow()
                        .path("trace")
                        .asText());

        List<OtlpReceiver.SpanView> spans = receiver.spans();
        assertEquals(
                spans.size(),
                spans.stream().map(OtlpReceiver.SpanView::spanId).distinct().count(),
                "each span is exported once: " + spans);
        assertTrue(
                receiver.requests().stream()
                        .allMatch(r -> r.path().equals("/v1/traces")
                                && r.headers()
                                        .getOrDefault("x-collector-key", List.of())
                                        .equals(List.of(COLLECTOR_KEY))),
                "traces only, with the " + "collector's key: "
                        + receiver.requests().stream()
                                .map(r -> r.path() + " " + r.headers())
                                .toList());
        assertTrue(spans.stream().allMatch(s -> "clevertap-disassociate".equals(s.serviceName())), spans::toString);
        assertTrue(
                spans.stream()
                        .noneMatch(s -> s.name().contains("rotate-spool")
                                || s.attributes().values().stream().anyMatch(v -> v.startsWith("timer:"))),
                "the spool's timer is not traced: " + spans);
        for (String secret : List.of(VALID, INVALID, SHARED_DIGITS, CleverTapStandIn.PASSCODE)) {
            assertFalse(receiver.anyRequestContains(secret), secret + " was exported");
        }
        assertTrue(
                threadDump().contains(EXPORTER_THREAD), "the exporter runs (what the test with tracing off looks for)");
        assertTrue(Files.readString(work.resolve("output.log")).contains(CAMEL_TRACER));
    }

    @Test
    void offByDefaultNothingIsExportedAndNoExporterRuns() throws Exception {
        postAndSeeNothingExported(start(Map.of()));
        assertFalse(threadDump().contains(EXPORTER_THREAD), "no exporter thread when tracing is off");
        assertFalse(
                Files.readString(work.resolve("output.log")).contains(CAMEL_TRACER),
                "no Camel tracer when tracing is off");
    }

    @Test
    void theStandardSamplerSettingIsHeeded() throws Exception {
        // the caller's trace is sampled (its traceparent ends in 01): the default, parent-based sampler would record it
        postAndSeeNothingExported(
                start(Map.of("CAMEL_OPENTELEMETRY2_ENABLED", "true", "OTEL_TRACES_SAMPLER", "always_off")));
        assertTrue(threadDump().contains(EXPORTER_THREAD), "tracing is on, only nothing is sampled");
    }

    /** Posts the numbers, waits until they are settled, and sees that no span, nor any other request, reached the receiver. */
    void postAndSeeNothingExported(int restPort) throws Exception {
        HttpResponse<String> answer = post(
                restPort,
                "00-" + HexFormat.of().formatHex(randomBytes(16)) + "-"
                        + HexFormat.of().formatHex(randomBytes(8)) + "-01");
        assertEquals(202, answer.statusCode(), answer.body());
        awaitSettled();

        // Spans of the request, had there been any, ended as the numbers settled; with OTEL_BSP_SCHEDULE_DELAY=100 an
        // exporter would have sent them within about 100 ms (the first test sees them so). Ten times that with nothing
        // received means nothing was recorded, not that it is slow.
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> receiver.requests().isEmpty());
    }

    /** What the receiver got, for a failure's message. */
    String received() {
        return receiver.requests().stream().map(OtlpReceiver.Received::path).toList() + " " + receiver.spans();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zeros, which traceparent forbids
        return bytes;
    }
}
