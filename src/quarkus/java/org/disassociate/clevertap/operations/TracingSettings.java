package org.disassociate.clevertap.operations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

/**
 * Tracing on Camel Quarkus takes the settings it takes on Camel Main: {@code camel.opentelemetry2.enabled} and the
 * standard {@code OTEL_*} variables.
 * <p>
 * Why: camel-quarkus-opentelemetry2 makes its tracer unless Quarkus' {@code quarkus.otel.sdk.disabled} is true, and
 * that is false by default, so a plain start would trace and its exporter would try localhost:4317 every few seconds.
 * Camel's own switch, which Camel Main reads on Quarkus too, only adds Camel's tracer: it neither starts nor stops
 * Quarkus' SDK, whose tracer does nothing while it is disabled. And Quarkus' exporter reads only {@code quarkus.otel.*}, not the standard
 * {@code otel.*} names (which SmallRye answers from {@code OTEL_*} environment variables).
 * <p>
 * So, for a {@code quarkus.otel.*} key nobody set: {@code quarkus.otel.sdk.disabled} is the opposite of
 * {@code camel.opentelemetry2.enabled} (off unless it is true: a disabled SDK is a no-op, with no exporter, no span
 * processor thread and no Camel tracer); any other is the same key without {@code quarkus.}, milliseconds written as
 * OpenTelemetry writes them (a bare number) turned into a Quarkus duration. A {@code quarkus.otel.*} key that is set
 * wins. The keys that Quarkus reads only when it builds quarkus-run.jar ({@code quarkus.otel.enabled},
 * {@code quarkus.otel.traces.enabled}, the exporter kind, the propagators, the instrumentation switches) cannot be
 * answered so, which is why the switch is the run-time {@code quarkus.otel.sdk.disabled} and not those. The sampler
 * ({@code quarkus.otel.traces.sampler}) is fixed at build too, but Quarkus hands the SDK its run-time value, so
 * {@code OTEL_TRACES_SAMPLER} and {@code OTEL_TRACES_SAMPLER_ARG} do work.
 * <p>
 * Registered in META-INF/services/io.smallrye.config.ConfigSourceInterceptor of src/quarkus/resources.
 */
@Priority(Priorities.APPLICATION)
public class TracingSettings implements ConfigSourceInterceptor {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String CAMEL_SWITCH = "camel.opentelemetry2.enabled";
    private static final String QUARKUS_OTEL = "quarkus.otel.";
    private static final Pattern MILLISECONDS = Pattern.compile("\\d+");
    private static final Pattern SIGNAL_KEY =
            Pattern.compile("(otel\\.exporter\\.otlp\\.)(?:traces|metrics|logs)\\.(.+)");
    /**
     * Values below this ordinal are no one's setting but a default: the mappings' own defaults and what Quarkus
     * recorded at build (its "RunTime Defaults"), both at {@code Integer.MIN_VALUE} and a little above.
     */
    private static final int DEFAULTS = Integer.MIN_VALUE + 1000;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!name.startsWith(QUARKUS_OTEL) || isSet(value)) {
            return value;
        }
        if (name.equals(SDK_DISABLED)) {
            ConfigValue camel = context.proceed(CAMEL_SWITCH);
            boolean enabled =
                    isSet(camel) && Boolean.parseBoolean(camel.getValue().trim());
            return answer(name, String.valueOf(!enabled), camel);
        }
        ConfigValue standard = standard(context, name.substring("quarkus.".length()));
        if (!isSet(standard)) {
            return value;
        }
        String text = standard.getValue().trim();
        if ((name.endsWith(".delay") || name.endsWith("timeout"))
                && MILLISECONDS.matcher(text).matches()) {
            text = text + "ms";
        }
        return answer(name, text, standard);
    }

    /**
     * The standard key, and for a signal's own exporter key ({@code otel.exporter.otlp.traces.protocol}) the one of all
     * signals ({@code otel.exporter.otlp.protocol}), as OpenTelemetry reads them: Quarkus has a default for each
     * signal's own, so it would never fall back to the general one by itself.
     */
    private static ConfigValue standard(ConfigSourceInterceptorContext context, String key) {
        ConfigValue own = context.proceed(key);
        Matcher signal = SIGNAL_KEY.matcher(key);
        return isSet(own) || !signal.matches() ? own : context.proceed(signal.group(1) + signal.group(2));
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && value.getConfigSourceOrdinal() > DEFAULTS;
    }

    private static ConfigValue answer(String name, String text, ConfigValue from) {
        ConfigValue.ConfigValueBuilder answer =
                ConfigValue.builder().withName(name).withValue(text).withRawValue(text);
        if (from != null) {
            answer.withConfigSourceName(from.getConfigSourceName())
                    .withConfigSourceOrdinal(from.getConfigSourceOrdinal());
        }
        return answer.build();
    }
}
