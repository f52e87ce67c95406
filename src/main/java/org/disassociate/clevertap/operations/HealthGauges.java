package org.disassociate.clevertap.operations;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readiness checks as meters: {@code clevertap.health{check=<id>}} is 1 while the check is up, 0 while it is down
 * (NaN when its state is unknown), for every check that {@code /observe/health/ready} lists (the service's, Camel's of
 * the routes). The checks are asked when the meters are read, at most once a second however many there are; a check
 * that appears later (an account added while the service runs) gets its meter at the first reading that sees it.
 */
final class HealthGauges {

    private static final Logger LOG = LoggerFactory.getLogger(HealthGauges.class);
    static final String NAME = "clevertap.health";
    private static final long MAX_AGE_NANOS = 1_000_000_000L;

    private final CamelContext context;
    private final MeterRegistry meters;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private Map<String, HealthCheck.State> states = Map.of();
    private long readAt;
    private boolean read;

    HealthGauges(CamelContext context, MeterRegistry meters) {
        this.context = context;
        this.meters = meters;
    }

    /** Asks the checks now, and makes a meter for each. */
    void registerKnown() {
        states();
    }

    private double value(String check) {
        HealthCheck.State state = states().get(check);
        if (state == HealthCheck.State.UP) {
            return 1;
        }
        return state == HealthCheck.State.DOWN ? 0 : Double.NaN;
    }

    private synchronized Map<String, HealthCheck.State> states() {
        long now = System.nanoTime();
        if (!read || now - readAt > MAX_AGE_NANOS) {
            Map<String, HealthCheck.State> current = new HashMap<>();
            try {
                for (HealthCheck.Result result : HealthCheckHelper.invokeReadiness(context)) {
                    current.put(result.getCheck().getId(), result.getState());
                }
            } catch (RuntimeException e) {
                // the meters then read NaN (unknown), as /observe/health/ready would fail too; said once
                if (!states.isEmpty() || !read) {
                    LOG.warn("The readiness checks could not be asked for their meters: {}", e.toString());
                }
            }
            states = current;
            readAt = now;
            read = true;
            current.keySet().forEach(this::register);
        }
        return states;
    }

    private void register(String check) {
        if (registered.add(check)) {
            Gauge.builder(NAME, this, gauges -> gauges.value(check))
                    .tag("check", check)
                    .description("A readiness check: 1 up, 0 down")
                    .register(meters);
        }
    }
}
