package org.disassociate.clevertap.model;

import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Why a health check answers as it does, said where both runtimes show it: as the check's message (Camel Main's
 * health answer) and as its detail {@code reason} (Camel Quarkus' readiness, MicroProfile Health, serves a check's
 * details but not its message).
 */
public final class HealthReason {

    private HealthReason() {}

    public static HealthCheckResultBuilder of(HealthCheckResultBuilder builder, String reason) {
        return builder.message(reason).detail("reason", reason);
    }
}
