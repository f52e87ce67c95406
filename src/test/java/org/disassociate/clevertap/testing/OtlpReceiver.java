package org.disassociate.clevertap.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * An OpenTelemetry collector's front door, and nothing behind it: OTLP over HTTP with protobuf bodies
 * ({@code OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf}), on loopback. {@code POST /v1/traces} is decoded into
 * {@link SpanView}s; every request, to any path, is kept as it came (after gzip, if sent so), for tests that look at
 * the bytes themselves: that no phone number or passcode leaves the process, or that nothing was sent at all.
 * JDK only (com.sun.net.httpserver) plus the OTLP message classes.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** A span as exported, with ids in lower-case hex ({@code parentSpanId} empty for a root span). */
    public record SpanView(
            String serviceName,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            Span.SpanKind kind,
            Map<String, String> attributes,
            List<String> events,
            List<Link> links) {}

    /** A span's link to another: its trace and span ids, in hex. */
    public record Link(String traceId, String spanId) {}

    /** A request as received: its path, headers (names in lower case) and body. */
    // a test's own value, never compared or hashed: the body as the receiver read it
    @SuppressWarnings("ArrayRecordComponent")
    public record Received(String path, Map<String, List<String>> headers, byte[] body) {}

    private static final HexFormat HEX = HexFormat.of();

    private final HttpServer server;
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final List<SpanView> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    /** Listening on 127.0.0.1, on a free port. */
    public static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, as {@code OTEL_EXPORTER_OTLP_ENDPOINT} takes it (the exporter adds {@code /v1/traces}). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<SpanView> spans() {
        return List.copyOf(spans);
    }

    public List<Received> requests() {
        return List.copyOf(requests);
    }

    /** Whether any request's bytes hold {@code text} (UTF-8), as protobuf writes strings. */
    public boolean anyRequestContains(String text) {
        byte[] wanted = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return requests.stream().anyMatch(r -> indexOf(r.body(), wanted) >= 0);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = read(exchange);
            String path = exchange.getRequestURI().getPath();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            requests.add(new Received(path, Map.copyOf(headers), body));
            if (!"POST".equals(exchange.getRequestMethod()) || !"/v1/traces".equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            spans.addAll(decode(ExportTraceServiceRequest.parseFrom(body)));
            // an empty ExportTraceServiceResponse: everything accepted
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static byte[] read(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static List<SpanView> decode(ExportTraceServiceRequest request) {
        List<SpanView> views = new ArrayList<>();
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            String service = attributes(resourceSpans.getResource()).get("service.name");
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    views.add(new SpanView(
                            service,
                            hex(span.getTraceId()),
                            hex(span.getSpanId()),
                            hex(span.getParentSpanId()),
                            span.getName(),
                            span.getKind(),
                            attributes(span.getAttributesList()),
                            span.getEventsList().stream()
                                    .map(Span.Event::getName)
                                    .toList(),
                            span.getLinksList().stream()
                                    .map(l -> new Link(hex(l.getTraceId()), hex(l.getSpanId())))
                                    .toList()));
                }
            }
        }
        return views;
    }

    private static Map<String, String> attributes(Resource resource) {
        return attributes(resource.getAttributesList());
    }

    private static Map<String, String> attributes(List<KeyValue> keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        keyValues.forEach(kv -> map.put(kv.getKey(), text(kv.getValue())));
        return map;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> String.valueOf(value.getBoolValue());
            case INT_VALUE -> String.valueOf(value.getIntValue());
            case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
            default -> value.toString().strip();
        };
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
