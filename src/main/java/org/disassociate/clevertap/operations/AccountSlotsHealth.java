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

    private final AccountSlots accountSlots;

    /** The check of an account's shared limit: {@code account-slots-<name>}. */
    public AccountSlotsHealth(String account, AccountSlots accountSlots) {
        super("clevertap", "account-slots-" + account);
        this.accountSlots = accountSlots;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.up();
        if (!accountSlots.isEnabled()) {
            HealthReason.of(builder, "not shared (its account-max-in-flight is 0)");
        } else if (accountSlots.isShared()) {
            HealthReason.of(builder, "shared on queue " + accountSlots.queueName());
        } else {
            HealthReason.of(
                            builder,
                            "the broker cannot be reached (" + accountSlots.awayBecause() + "): at most "
                                    + accountSlots.fallbackMaxInFlight()
                                    + " request(s) at once from this instance until it can")
                    .detail("shared", false)
                    .detail("since", String.valueOf(accountSlots.awaySince()));
        }
    }
}
