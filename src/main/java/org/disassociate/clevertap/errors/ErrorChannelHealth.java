package org.disassociate.clevertap.errors;

import java.time.Instant;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.disassociate.clevertap.model.HealthReason;

/**
 * Readiness: down while the error channel cannot be written (a full disk, a lost mount, a broker away). Its writes are
 * retried until they succeed, and meanwhile nothing that fails can leave the service, so no new work should come here.
 * It is the error channel's redelivery hook: each failed try says so; the next write that succeeds clears it.
 */
public class ErrorChannelHealth extends AbstractHealthCheck implements Processor {

    private volatile String failure;
    private volatile Instant failingSince;

    public ErrorChannelHealth() {
        super("clevertap", "error-channel");
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    /** A write to the error channel failed and is about to be tried again. */
    @Override
    public void process(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (cause == null) {
            cause = exchange.getException();
        }
        if (failure == null) {
            failingSince = Instant.now();
        }
        failure = cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** A write to the error channel succeeded. */
    public void written() {
        failure = null;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String current = failure;
        if (current == null) {
            builder.up();
            return;
        }
        HealthReason.of(builder.down(), "The error channel cannot be written: " + current)
                .detail("since", String.valueOf(failingSince));
    }
}
