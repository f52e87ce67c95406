package org.disassociate.clevertap.operations;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.disassociate.clevertap.api.AccountSlots;
import org.disassociate.clevertap.model.HealthReason;

/**
 * Readiness of the account's shared limit ({@code clevertap.account-max-in-flight}). It stays up while the broker is
 * away, since the file, REST and spool paths go on and the sends fall back to a local limit; its message says so, and
 * since when.
 */
public class AccountSlotsHealth extends AbstractHealthCheck {

    private AccountSlots accountSlots;

    public AccountSlotsHealth() {
        super("clevertap", "account-slots");
    }

    public void setAccountSlots(AccountSlots accountSlots) {
        this.accountSlots = accountSlots;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.up();
        // Camel Quarkus also makes an instance of each health check class it finds at build time, without the
        // properties routes/beans.camel.yaml gives its own: that copy has nothing to say
        if (accountSlots == null) {
            return;
        }
        if (!accountSlots.isEnabled()) {
            HealthReason.of(builder, "not shared (clevertap.account-max-in-flight=0)");
        } else if (accountSlots.isShared()) {
            HealthReason.of(builder, "shared on queue " + accountSlots.queueName());
        } else {
            HealthReason.of(builder, "the broker cannot be reached (" + accountSlots.awayBecause() + "): at most "
                    + accountSlots.fallbackMaxInFlight() + " request(s) at once from this instance until it can")
                    .detail("shared", false)
                    .detail("since", String.valueOf(accountSlots.awaySince()));
        }
    }
}
