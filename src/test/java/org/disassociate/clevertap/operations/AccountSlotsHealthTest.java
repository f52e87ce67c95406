package org.disassociate.clevertap.operations;

import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.disassociate.clevertap.api.AccountSlots;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared limit's readiness says how the limit is held, also where only a check's details are shown (Camel Quarkus). */
class AccountSlotsHealthTest {

    @Test
    void anUnsharedLimitSaysSoAsMessageAndAsDetail() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            AccountSlotsHealth health = new AccountSlotsHealth("default", new AccountSlots());
            health.setCamelContext(context);
            HealthCheck.Result result = health.call(Map.of());
            assertEquals(HealthCheck.State.UP, result.getState());
            assertEquals(
                    "not shared (its account-max-in-flight is 0)",
                    result.getMessage().orElse(null));
            assertEquals(
                    "not shared (its account-max-in-flight is 0)",
                    result.getDetails().get("reason"));
        }
    }
}
