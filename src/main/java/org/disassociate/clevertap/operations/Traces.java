package org.disassociate.clevertap.operations;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelTracingService;
import org.apache.camel.support.CamelContextHelper;
import org.disassociate.clevertap.model.Batch;
import org.disassociate.clevertap.model.DisassociateResponse;
import org.disassociate.clevertap.model.ErrorRecord;
import org.disassociate.clevertap.model.PhoneNumber;
import org.disassociate.clevertap.model.Settlement;
import org.disassociate.clevertap.model.TraceContext;
import org.disassociate.clevertap.model.Variables;

/**
 * The pipeline's own spans, beside the ones Camel makes for each route and endpoint (camel-opentelemetry2): a batch,
 * each request to CleverTap, each write to the error channel. They carry counts, ids and the account, never a number
 * or a credential.
 * <p>
 * A batch gathers numbers from many intakes, so its span starts a trace of its own and links to the traces its numbers
 * came in (a file's, or a request's or message's, kept in the spool file's lines). Its requests and error records are
 * in its trace.
 * <p>
 * Tracing is on when Camel has a tracer ({@code camel.opentelemetry2.enabled=true}); these spans then go to the same
 * OpenTelemetry tracer as Camel's. Off, every method returns at its first line.
 */
public class Traces implements CamelContextAware {

    static final String INSTRUMENTATION = "org.disassociate.clevertap";
    static final AttributeKey<String> ACCOUNT = AttributeKey.stringKey("clevertap.account");
    static final AttributeKey<String> BATCH_ID = AttributeKey.stringKey("clevertap.batch.id");
    static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("clevertap.batch.size");
    static final AttributeKey<Boolean> DRY_RUN = AttributeKey.booleanKey("clevertap.dry_run");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("clevertap.attempt");
    static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> STATUS = AttributeKey.stringKey("clevertap.status");
    static final AttributeKey<Long> PROCESSED = AttributeKey.longKey("clevertap.processed");
    static final AttributeKey<Long> UNPROCESSED = AttributeKey.longKey("clevertap.unprocessed");
    static final AttributeKey<Long> RECORDS = AttributeKey.longKey("clevertap.records");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("clevertap.outcome");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    /** OpenTelemetry's default limit of a span's links. */
    static final int MAX_LINKS = 128;

    /**
     * Where camel-telemetry keeps an exchange's spans (SpanStorageManagerExchange.ACTIVE_SPAN, not public). A batch is
     * the exchange of its first chunk, copied by the aggregator with that chunk's spans: taken away, Camel's next span
     * for the batch takes its parent from the {@code traceparent} header instead, the batch's own span.
     */
    static final String CAMEL_ACTIVE_SPAN = "tracing.activeSpan";

    /** The span of the request to CleverTap on its way: set and read in Java only (ApiRequestEvents, this bean). */
    private static final String REQUEST_SPAN = "requestSpan";

    private CamelContext camelContext;
    private volatile Tracer tracer;
    private volatile boolean resolved;
    private final Map<String, Span> openBatches = new ConcurrentHashMap<>();

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    /** The tracer Camel's own spans go to (camel-opentelemetry2 looks for one in the registry, else the global one). */
    Tracer tracer() {
        if (!resolved) {
            synchronized (this) {
                if (!resolved) {
                    tracer = findTracer();
                    resolved = true;
                }
            }
        }
        return tracer;
    }

    private Tracer findTracer() {
        if (camelContext == null || camelContext.hasService(CamelTracingService.class) == null) {
            return null;
        }
        Tracer registered = CamelContextHelper.findSingleByType(camelContext, Tracer.class);
        return registered != null ? registered : GlobalOpenTelemetry.get().getTracer(INSTRUMENTATION);
    }

    /**
     * A batch is formed (the body): its span starts, linked to the traces of its numbers' intakes, and what Camel does
     * for it next (its queue, its sender, its requests) is in its trace.
     */
    public void batchOpened(Exchange exchange) {
        Tracer tracer = tracer();
        if (tracer == null) {
            return;
        }
        Batch batch = exchange.getMessage().getBody(Batch.class);
        SpanBuilder builder = tracer.spanBuilder("clevertap.batch")
                .setNoParent()
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(BATCH_ID, batch.getId())
                .setAttribute(ACCOUNT, batch.getAccount())
                .setAttribute(BATCH_SIZE, (long) batch.size());
        for (SpanContext link : intakesOf(batch)) {
            builder.addLink(link);
        }
        Span span = builder.startSpan();
        openBatches.put(batch.getId(), span);
        exchange.removeProperty(CAMEL_ACTIVE_SPAN);
        exchange.getMessage().setHeader(TraceContext.TRACEPARENT, TraceContext.traceparentOf(span.getSpanContext()));
    }

    /** The batch is settled, answered or failed as a whole: its span ends. */
    public void batchSettled(Exchange exchange) {
        if (tracer() == null) {
            return;
        }
        endRequest(exchange);
        Batch batch = exchange.getVariable(Variables.BATCH, Batch.class);
        Span span = batch == null ? null : openBatches.remove(batch.getId());
        if (span == null) {
            return;
        }
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure != null) {
            span.setAttribute(OUTCOME, "failed");
            span.setAttribute(ERROR_TYPE, failure.getClass().getSimpleName());
            span.setStatus(StatusCode.ERROR, "the batch went to the error channel as a whole");
        } else {
            span.setAttribute(OUTCOME, "answered");
        }
        span.end();
    }

    /** A request to CleverTap leaves (a batch's first or a retry, or a dry run's): its span, while traced. */
    public void requestStarted(Exchange exchange) {
        Tracer tracer = tracer();
        if (tracer == null) {
            return;
        }
        endRequest(exchange);
        Batch batch = exchange.getVariable(Variables.BATCH, Batch.class);
        Span batchSpan = batch == null ? null : openBatches.get(batch.getId());
        Integer redelivery = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        SpanBuilder builder = tracer.spanBuilder("clevertap.request")
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(ATTEMPT, redelivery == null ? 1L : redelivery + 1L)
                .setAttribute(DRY_RUN, Boolean.TRUE.equals(exchange.getVariable(Variables.DRY_RUN, Boolean.class)));
        if (batch != null) {
            builder.setAttribute(BATCH_ID, batch.getId())
                    .setAttribute(ACCOUNT, batch.getAccount())
                    .setAttribute(BATCH_SIZE, (long) batch.size());
        }
        builder.setParent(batchSpan != null ? Context.current().with(batchSpan) : Context.current());
        exchange.setVariable(REQUEST_SPAN, builder.startSpan());
    }

    /**
     * CleverTap answered, or no answer came: the HTTP status and the attempt. A request without a 2xx answer ends
     * here; one with it ends when its answer is read ({@link #requestAnswered}).
     */
    public void requestEnded(Exchange exchange) {
        Span span = exchange.getVariable(REQUEST_SPAN, Span.class);
        if (span == null) {
            return;
        }
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status != null) {
            span.setAttribute(HTTP_STATUS, (long) status);
        }
        Exception failure = exchange.getException();
        if (failure != null || status == null || status < 200 || status >= 300) {
            if (failure != null) {
                span.setAttribute(ERROR_TYPE, failure.getClass().getSimpleName());
            }
            span.setStatus(StatusCode.ERROR, status == null ? "no answer" : "HTTP " + status);
            endRequest(exchange);
        }
    }

    /** CleverTap's answer is read: its status and counts, and the request ends. */
    public void requestAnswered(Exchange exchange) {
        Span span = exchange.getVariable(REQUEST_SPAN, Span.class);
        if (span == null) {
            return;
        }
        DisassociateResponse answer = exchange.getMessage().getBody(DisassociateResponse.class);
        if (answer != null) {
            if (answer.status() != null) {
                span.setAttribute(STATUS, answer.status());
            }
            if (answer.processed() != null) {
                span.setAttribute(PROCESSED, answer.processed().longValue());
            }
            span.setAttribute(UNPROCESSED, (long) answer.unprocessedOrEmpty().size());
        }
        endRequest(exchange);
    }

    /** Records go to the error channel (the body): a span in the trace they are written in, with their count. */
    public void errorRecords(Exchange exchange) {
        Tracer tracer = tracer();
        if (tracer == null) {
            return;
        }
        List<?> records = exchange.getMessage().getBody(List.class);
        Span span = tracer.spanBuilder("clevertap.error-channel")
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(RECORDS, records == null ? 0L : records.size())
                .startSpan();
        if (records != null && !records.isEmpty() && records.get(0) instanceof ErrorRecord first) {
            if (first.account() != null) {
                span.setAttribute(ACCOUNT, first.account());
            }
            if (first.batch() != null) {
                span.setAttribute(BATCH_ID, first.batch());
            }
        }
        span.end();
    }

    private static void endRequest(Exchange exchange) {
        Object open = exchange.removeVariable(REQUEST_SPAN);
        if (open instanceof Span span) {
            span.end();
        }
    }

    /** The traces the batch's numbers came in, at most {@value #MAX_LINKS}. */
    static Set<SpanContext> intakesOf(Batch batch) {
        Set<Settlement.Chunk> chunks = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<SpanContext> links = new LinkedHashSet<>();
        for (PhoneNumber number : batch.getNumbers()) {
            Settlement.Chunk chunk = number.getChunk();
            if (chunk == null || !chunks.add(chunk)) {
                continue;
            }
            for (String traceparent : chunk.getTraceparents()) {
                SpanContext context = TraceContext.spanContextOf(traceparent);
                if (context != null) {
                    links.add(context);
                    if (links.size() == MAX_LINKS) {
                        return links;
                    }
                }
            }
        }
        return links;
    }
}
