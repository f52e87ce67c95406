package org.disassociate.clevertap.durability;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.disassociate.clevertap.model.HealthReason;

/**
 * Readiness: down while the spool cannot be written (the REST intake answers 503, the JMS intake rolls back); each
 * check then tries a write and an fsync in its folder, so readiness comes back as soon as the disk takes them, also
 * while no traffic arrives.
 * <p>
 * It takes its spool in its constructor, and has no other. Camel Quarkus makes an instance of each public health
 * check class with a no-argument constructor at build time and binds it under the check's id, which is {@code spool}
 * here, ahead of the beans bound when the application starts: with such a constructor, a route's {@code ref: spool}
 * would find that copy, and readiness would have a copy that knows no spool.
 */
public class SpoolHealth extends AbstractHealthCheck {

    private final Spool spool;

    public SpoolHealth(Spool spool) {
        super("clevertap", "spool");
        this.spool = spool;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Spool.Failure failure = spool.failure();
        if (failure == null || spool.writableAgain()) {
            builder.up();
            return;
        }
        HealthReason.of(builder.down(), "the spool cannot be written: " + failure.reason())
                .detail("since", String.valueOf(failure.since()));
    }
}
