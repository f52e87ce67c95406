package org.disassociate.clevertap.model;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

/**
 * The W3C trace context ({@code traceparent}) of the span current on this thread, as the stages keep it: a file's
 * settlement, a spool file's lines and an error record carry the trace that their numbers came in. Only the
 * OpenTelemetry API is named here: without a tracer every span is invalid, and each answer is null.
 */
public final class TraceContext {

    /** How a spool file marks the trace of the lines that follow it: a comment, which a reader of .txt skips. */
    public static final String SPOOL_LINE_PREFIX = "# traceparent ";

    private TraceContext() {}

    /** The name of the W3C trace context, as an HTTP header, a JMS property or a message header. */
    public static final String TRACEPARENT = "traceparent";

    /** {@code 00-<trace id>-<span id>-<flags>} of the current span, or null when there is none. */
    public static String currentTraceparent() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? traceparentOf(context) : null;
    }

    /** {@code 00-<trace id>-<span id>-<flags>} of a valid span context. */
    public static String traceparentOf(SpanContext context) {
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex();
    }

    /** The trace id of the current span, or null when there is none. */
    public static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    /** A {@code traceparent} as a span context (of another process, or of a spool file's line); null when not one. */
    public static SpanContext spanContextOf(String traceparent) {
        if (traceparent == null
                || traceparent.length() != 55
                || !traceparent.startsWith("00-")
                || traceparent.charAt(35) != '-'
                || traceparent.charAt(52) != '-') {
            return null;
        }
        SpanContext context = SpanContext.createFromRemoteParent(
                traceparent.substring(3, 35),
                traceparent.substring(36, 52),
                TraceFlags.fromHex(traceparent, 53),
                TraceState.getDefault());
        return context.isValid() ? context : null;
    }

    /** The trace id of a {@code traceparent}, or null when it is not one. */
    public static String traceIdOf(String traceparent) {
        SpanContext context = spanContextOf(traceparent);
        return context == null ? null : context.getTraceId();
    }
}
