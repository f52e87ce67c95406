package org.disassociate.clevertap.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.QueueClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With tracing on ({@code camel.opentelemetry2.enabled=true}), a number is followed from its intake to its batch, its
 * request to CleverTap and its error record, as the SDK's in-memory exporter sees the spans; and no span holds a
 * phone number or the passcode.
 */
class TracingTest extends ApplicationTestSupport {

    private static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();
    private static final SdkTracerProvider PROVIDER = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(EXPORTER))
            .build();

    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_PARENT = "00-" + CALLER_TRACE + "-00f067aa0ba902b7-01";
    private static final String SENDER_TRACE = "0af7651916cd43dd8448eb211c80319c";

    private static final String PROCESSED = "+919812345611";
    private static final String REFUSED = "+919812345612";
    private static final String INVALID = "98123-4561x";

    /** The SDK Camel and the service's own spans go to: the global one, as TracingSdk makes it on Camel Main. */
    @BeforeAll
    static void globalSdk() {
        GlobalOpenTelemetry.resetForTest();
        GlobalOpenTelemetry.set(OpenTelemetrySdk.builder()
                .setTracerProvider(PROVIDER)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build());
    }

    @AfterAll
    static void closeProvider() {
        GlobalOpenTelemetry.resetForTest();
        PROVIDER.close();
    }

    @BeforeEach
    void noSpansYet() {
        EXPORTER.reset();
    }

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        p.setProperty("camel.opentelemetry2.enabled", "true");
        return p;
    }

    private static ResponseDefinitionBuilder refusing(String number) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                {"status":"partial","processed":1,"unprocessed":[
                  {"status":"fail","code":516,"error":"Invalid phone number %s","record":{"type":"phone","value":"%s"}}]}
                """.formatted(number, number));
    }

    @Test
    void aRestCallersTraceGoesOnToTheBatchItsRequestAndItsErrorRecords() throws Exception {
        standIn.answerAlways(refusing(REFUSED));

        var response = rest().bearer(TOKEN)
                .json()
                .header("traceparent", CALLER_PARENT)
                .post("""
                {"d":[{"type":"phone","value":"%s"},{"type":"phone","value":"%s"},{"type":"phone","value":"%s"}]}
                """.formatted(PROCESSED, REFUSED, INVALID));
        assertEquals(202, response.statusCode(), response.body());

        await().atMost(WAIT).until(() -> errors().size() == 2 && spanNamed("clevertap.batch") != null);

        // the invalid number was refused while the caller waited: its record is in the caller's trace
        JsonNode invalid = recordOf(INVALID);
        assertEquals(CALLER_TRACE, invalid.path("trace").asText());
        // the REST intake's span continues the caller's trace
        assertTrue(
                spans().stream()
                        .anyMatch(span -> span.getTraceId().equals(CALLER_TRACE)
                                && span.getParentSpanId().equals("00f067aa0ba902b7")),
                "a span whose parent is the caller's");

        // the batch: a trace of its own, linked to the caller's
        SpanData batch = spanNamed("clevertap.batch");
        assertEquals(2L, batch.getAttributes().get(AttributeKey.longKey("clevertap.batch.size")));
        assertEquals("default", batch.getAttributes().get(AttributeKey.stringKey("clevertap.account")));
        assertEquals("answered", batch.getAttributes().get(AttributeKey.stringKey("clevertap.outcome")));
        assertTrue(linkedTraces(batch).contains(CALLER_TRACE), "the batch links to " + CALLER_TRACE);

        // its request, in its trace, with CleverTap's status and counts
        SpanData request = spanNamed("clevertap.request");
        assertEquals(batch.getTraceId(), request.getTraceId());
        assertEquals(batch.getSpanId(), request.getParentSpanId());
        assertEquals(200L, request.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals(1L, request.getAttributes().get(AttributeKey.longKey("clevertap.processed")));
        assertEquals(1L, request.getAttributes().get(AttributeKey.longKey("clevertap.unprocessed")));
        assertEquals(1L, request.getAttributes().get(AttributeKey.longKey("clevertap.attempt")));
        assertEquals("partial", request.getAttributes().get(AttributeKey.stringKey("clevertap.status")));
        // Camel's own span of the HTTP request is in the batch's trace too
        assertTrue(spans().stream()
                .anyMatch(span -> span.getTraceId().equals(batch.getTraceId())
                        && "camel-http".equals(span.getAttributes().get(AttributeKey.stringKey("component")))));

        // the refused number's record names the batch's trace, where its write has a span
        JsonNode refused = recordOf(REFUSED);
        assertEquals(batch.getTraceId(), refused.path("trace").asText());
        assertEquals(
                batch.getAttributes().get(AttributeKey.stringKey("clevertap.batch.id")),
                refused.path("batch").asText());
        assertTrue(spans().stream()
                .anyMatch(span -> span.getName().equals("clevertap.error-channel")
                        && span.getTraceId().equals(batch.getTraceId())));

        assertNoPersonalDataOrSecret();
    }

    @Test
    void aRetryIsASecondRequestSpanOfTheBatch() throws Exception {
        standIn.answerInTurn(
                aResponse().withStatus(429).withBody("Too many concurrent requests"),
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"success\",\"processed\":1,\"unprocessed\":[]}"));

        assertEquals(
                202,
                postJson("{\"d\":[{\"type\":\"phone\",\"value\":\"" + PROCESSED + "\"}]}")
                        .statusCode());

        await().atMost(WAIT).until(() -> spanNamed("clevertap.batch") != null);
        SpanData batch = spanNamed("clevertap.batch");
        List<SpanData> requests = spans().stream()
                .filter(span -> span.getName().equals("clevertap.request"))
                .sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos()))
                .toList();
        assertEquals(2, requests.size());
        assertEquals(429L, requests.get(0).getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals(1L, requests.get(0).getAttributes().get(AttributeKey.longKey("clevertap.attempt")));
        assertEquals(200L, requests.get(1).getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals(2L, requests.get(1).getAttributes().get(AttributeKey.longKey("clevertap.attempt")));
        requests.forEach(request -> assertEquals(batch.getSpanId(), request.getParentSpanId()));
        assertNoPersonalDataOrSecret();
    }

    @Test
    void foreignTextThatEchoesANumberReachesNoSpan() throws Exception {
        // CleverTap refuses the batch, quoting the number: a log line and an exception of the batch, so span events
        standIn.answerAlways(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"fail\",\"error\":\"Invalid phone " + REFUSED + "\",\"code\":400}"));
        assertEquals(
                202,
                postJson("{\"d\":[{\"type\":\"phone\",\"value\":\"" + REFUSED + "\"}]}")
                        .statusCode());
        // a body that is not JSON, the parser quoting the token it stumbled on
        var malformed = postJson("{\"d\":[ab9812345611]}");
        assertEquals(400, malformed.statusCode(), malformed.body());

        await().atMost(WAIT)
                .until(() -> errors().size() == 1
                        && spanNamed("clevertap.batch") != null
                        && "failed"
                                .equals(spanNamed("clevertap.batch")
                                        .getAttributes()
                                        .get(AttributeKey.stringKey("clevertap.outcome"))));
        assertEquals(400, recordOf(REFUSED).path("code").asInt());
        assertTrue(spans().stream().anyMatch(span -> !span.getEvents().isEmpty()), "the failures are span events");
        assertNoPersonalDataOrSecret();
    }

    @Test
    void aFilesRunReportNamesItsTraceWhichItsBatchLinksTo() throws Exception {
        drop("traced.txt", PROCESSED + "\n" + INVALID + "\n");
        awaitDone("traced.txt");
        await().atMost(WAIT).until(() -> spanNamed("clevertap.batch") != null);

        Path report = inbox().resolve(".done").resolve("traced.txt.report.json");
        String trace = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Files.readString(report))
                .path("trace")
                .asText();
        assertEquals(32, trace.length(), "the report names its trace: " + Files.readString(report) + dump());
        assertTrue(linkedTraces(spanNamed("clevertap.batch")).contains(trace));
        assertEquals(trace, recordOf(INVALID).path("trace").asText());
        assertNoPersonalDataOrSecret();
    }

    @Test
    void aJmsMessagesTraceGoesOnThroughTheIntakeAndItsBatchLinksToIt() throws Exception {
        QueueClient.send(brokerUrl(), List.of(session -> {
            var message = session.createTextMessage(PROCESSED);
            message.setStringProperty("traceparent", "00-" + SENDER_TRACE + "-b7ad6b7169203331-01");
            return message;
        }));

        await().atMost(WAIT)
                .until(() -> spanNamed("clevertap.batch") != null
                        && spanNamed("clevertap.batch").getAttributes().get(AttributeKey.stringKey("clevertap.outcome"))
                                != null);
        assertTrue(
                spans().stream()
                        .anyMatch(span -> span.getTraceId().equals(SENDER_TRACE)
                                && span.getParentSpanId().equals("b7ad6b7169203331")),
                "the intake's span continues the sender's");
        assertTrue(linkedTraces(spanNamed("clevertap.batch")).contains(SENDER_TRACE));
        assertNoPersonalDataOrSecret();
    }

    @Test
    void aKameletMessageIsInItsHostsTraceWhichItsBatchLinksTo() throws Exception {
        template.sendBody("seda:host", PROCESSED);

        await().atMost(WAIT).until(() -> spanNamed("clevertap.batch") != null);
        // the host's route and the kamelet it calls are in one trace, to which the batch links
        SpanData host = spans().stream()
                .filter(span -> "host".equals(span.getName())
                        && "camel-seda".equals(span.getAttributes().get(AttributeKey.stringKey("component"))))
                .findFirst()
                .orElseThrow(() -> new AssertionError(dump()));
        assertTrue(
                spans().stream()
                        .anyMatch(span -> span.getTraceId().equals(host.getTraceId())
                                && "camel-kamelet"
                                        .equals(span.getAttributes().get(AttributeKey.stringKey("component")))),
                dump());
        assertTrue(linkedTraces(spanNamed("clevertap.batch")).contains(host.getTraceId()));
        assertNoPersonalDataOrSecret();
    }

    /** A host's own route, as a host application has it beside the module's. */
    @Override
    protected void configure(MainConfigurationProperties configuration) {
        super.configure(configuration);
        configuration.addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:host").routeId("host").to("kamelet:clevertap-disassociate-sink");
            }
        });
    }

    @Test
    void withoutATraceparentARequestStartsItsOwnTraceAndItsBatchLinksToIt() throws Exception {
        assertEquals(
                202,
                postJson("{\"d\":[{\"type\":\"phone\",\"value\":\"" + PROCESSED + "\"}]}")
                        .statusCode());

        await().atMost(WAIT).until(() -> spanNamed("clevertap.batch") != null);
        List<String> linked = linkedTraces(spanNamed("clevertap.batch"));
        assertFalse(linked.isEmpty());
        // the linked trace is the request's: the REST intake's root span is in it
        assertTrue(
                spans().stream()
                        .anyMatch(span -> linked.contains(span.getTraceId())
                                && !span.getParentSpanContext().isValid()),
                "a root span in " + linked);
    }

    private JsonNode recordOf(String input) {
        return errors().stream()
                .filter(record -> record.path("record").path("value").asText().equals(input))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no error record of " + input + ": " + errors()));
    }

    private static List<SpanData> spans() {
        return EXPORTER.getFinishedSpanItems();
    }

    private static SpanData spanNamed(String name) {
        return spans().stream()
                .filter(span -> span.getName().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static String dump() {
        return spans().stream()
                .map(s -> s.getName() + " " + s.getTraceId() + " " + s.getSpanId() + " <- " + s.getParentSpanId() + " "
                        + s.getAttributes() + " links=" + s.getLinks() + " events=" + s.getEvents())
                .collect(Collectors.joining("\n"));
    }

    private static List<String> linkedTraces(SpanData span) {
        assertNotNull(span);
        return span.getLinks().stream()
                .map(link -> link.getSpanContext().getTraceId())
                .toList();
    }

    /** Every name, attribute and event of every span, without a phone number's digits or the passcode. */
    private static void assertNoPersonalDataOrSecret() {
        List<String> texts = new ArrayList<>();
        for (SpanData span : spans()) {
            texts.add(span.getName());
            span.getAttributes().forEach((key, value) -> texts.add(key.getKey() + "=" + value));
            for (EventData event : span.getEvents()) {
                texts.add(event.getName());
                event.getAttributes().forEach((key, value) -> texts.add(key.getKey() + "=" + value));
            }
            for (LinkData link : span.getLinks()) {
                link.getAttributes().forEach((key, value) -> texts.add(key.getKey() + "=" + value));
            }
        }
        String all = texts.stream().collect(Collectors.joining("\n"));
        assertFalse(spans().isEmpty());
        for (String secret : List.of("9812345611", "9812345612", "98123-4561", CleverTapStandIn.PASSCODE)) {
            assertFalse(all.contains(secret), secret + " in a span:\n" + all);
        }
    }
}
