package org.disassociate.clevertap.operations;

import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.Passcode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each account's meters exist at zero from the start, and from its addition for an account added while running. */
class ServiceMetricsTest {

    private static Account account(String name, String id) {
        return new Account(
                name,
                id,
                new Passcode("passcode-" + name),
                "in1",
                "https://in1.api.clevertap.com",
                Set.of(),
                false,
                3,
                0,
                "IN",
                false);
    }

    @Test
    void theMetersOfAnAccountAddedWhileRunningExistFromItsAddition() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Accounts accounts = new Accounts();
        accounts.add(account("india", "ID-1"));
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind(ServiceMetrics.CAMEL_REGISTRY, registry);
            ServiceMetrics metrics = new ServiceMetrics();
            metrics.setCamelContext(context);
            metrics.setAccounts(accounts);
            // as the context tells its startup listeners (not started here: that would load the module's routes)
            metrics.onCamelContextStarted(context, false);

            assertEquals(
                    0.0,
                    registry.get("clevertap.numbers.sent")
                            .tag("account", "india")
                            .counter()
                            .count());
            assertNull(registry.find("clevertap.numbers.sent")
                    .tag("account", "kamelet")
                    .counter());

            accounts.add(account("kamelet", "ID-2"));

            assertNotNull(registry.find("clevertap.numbers.sent")
                    .tag("account", "kamelet")
                    .counter());
            assertNotNull(registry.find("clevertap.requests.in.flight")
                    .tag("account", "kamelet")
                    .gauge());
            assertNotNull(registry.find("clevertap.batch.size")
                    .tag("account", "kamelet")
                    .summary());
        }
    }
}
