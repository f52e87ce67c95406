package org.disassociate.clevertap.operations;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenTelemetry SDK of the application on Camel Main, made when {@code camel.opentelemetry2.enabled=true}
 * ({@code CAMEL_OPENTELEMETRY2_ENABLED=true}) and configured as every OpenTelemetry SDK is, by the standard
 * {@code OTEL_*} environment variables or {@code -Dotel.*} (the endpoint, the protocol, the service name, the sampler).
 * <p>
 * camel-opentelemetry2 makes no SDK of its own: it takes a tracer in Camel's registry, else the global OpenTelemetry,
 * which without an SDK traces nothing. This makes the SDK the global one before Camel Main sets tracing up. Only
 * traces are exported (metrics are Prometheus', at /observe/metrics); the spans left are flushed when the
 * application stops.
 */
public final class TracingSdk extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(TracingSdk.class);
    static final String ENABLED = "camel.opentelemetry2.enabled";

    private OpenTelemetrySdk sdk;

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        if (!enabled(context)) {
            return;
        }
        sdk = AutoConfiguredOpenTelemetrySdk.builder()
                // the lowest precedence: OTEL_* and -Dotel.* win
                .addPropertiesSupplier(() -> Map.of(
                        "otel.service.name", "clevertap-disassociate",
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none"))
                .disableShutdownHook()
                .setResultAsGlobal()
                .build()
                .getOpenTelemetrySdk();
        LOG.info("Tracing: spans are exported by OpenTelemetry's SDK, as the OTEL_* settings say");
    }

    @Override
    public void afterStop(BaseMainSupport main) {
        if (sdk != null) {
            sdk.shutdown().join(10, TimeUnit.SECONDS);
            sdk = null;
        }
    }

    static boolean enabled(CamelContext context) {
        Optional<String> setting = context.getPropertiesComponent().resolveProperty(ENABLED);
        String value = setting.orElseGet(() -> System.getenv("CAMEL_OPENTELEMETRY2_ENABLED"));
        return Boolean.parseBoolean(value == null ? null : value.trim());
    }
}
