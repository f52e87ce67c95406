package org.disassociate.clevertap.operations;

import java.time.Instant;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.HealthReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness of one account: down while CleverTap refuses it (401: wrong account id, passcode or region; 403: not allowed
 * from here). Nothing sent then can succeed, so an orchestrator should stop routing work here. Up again after CleverTap
 * takes a request; a restart with corrected settings starts up.
 */
public class CleverTapApiHealth extends AbstractHealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(CleverTapApiHealth.class);

    private final Account account;
    private volatile int refusedWith;
    private volatile Instant refusedAt;

    /** The check of {@code account}: {@code clevertap-api-<name>}. */
    public CleverTapApiHealth(Account account) {
        super("clevertap", "clevertap-api-" + account.name());
        this.account = account;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    /** Every answer of the API goes through here, before it is read; a refusal is logged with what may cause it. */
    public void answered(Integer status) {
        int code = status == null ? 0 : status;
        if (code == 401) {
            LOG.error(
                    "CleverTap answered 401 for account {}: its account id or passcode is wrong, or its region is ({}); "
                            + "a wrong region answers 401 exactly like wrong credentials",
                    account,
                    account.region());
        } else if (code == 403) {
            LOG.error(
                    "CleverTap answered 403 for account {}: it may not use the Disassociate API from here (IP allow-list?)",
                    account);
        }
        if (code == 401 || code == 403) {
            refusedWith = code;
            refusedAt = Instant.now();
        } else if (code >= 200 && code < 300) {
            refusedWith = 0;
        }
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        int status = refusedWith;
        if (status == 0) {
            builder.up();
            return;
        }
        HealthReason.of(
                        builder.down(),
                        "CleverTap answered " + status + " for account " + account
                                + (status == 401
                                        ? ": its account id or passcode is wrong, or its region is"
                                        : ": it may not use the Disassociate API from here"))
                .detail("account", account.name())
                .detail("status", status)
                .detail("since", String.valueOf(refusedAt));
    }
}
