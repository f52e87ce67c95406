package org.disassociate.clevertap.durability;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.disassociate.clevertap.model.HealthReason;

/**
 * Readiness: down while the spool cannot be written (the REST intake answers 503, the JMS intake rolls back); each
 * check then tries a write and an fsync in its folder, so readiness comes back as soon as the disk takes them, also
 * while no traffic arrives.
 */
public class SpoolHealth extends AbstractHealthCheck {

    private Spool spool;

    public SpoolHealth() {
        super("clevertap", "spool");
    }

    public void setSpool(Spool spool) {
        this.spool = spool;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        // Camel Quarkus also makes an instance of each health check class it finds at build time, without the
        // spool DurabilityBeans gives its own: that copy has nothing to say
        if (spool == null) {
            builder.up();
            return;
        }
        Spool.Failure failure = spool.failure();
        if (failure == null || spool.writableAgain()) {
            builder.up();
            return;
        }
        HealthReason.of(builder.down(), "the spool cannot be written: " + failure.reason())
                .detail("since", String.valueOf(failure.since()));
    }
}
