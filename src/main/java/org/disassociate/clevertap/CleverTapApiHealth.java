package org.disassociate.clevertap;

import java.time.Instant;
import java.util.Map;

import org.apache.camel.Header;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: down while CleverTap refuses this account (401: wrong account id, passcode or region; 403: not allowed
 * from here). Nothing sent then can succeed, so an orchestrator should stop routing work here. Up again after CleverTap
 * takes a request; a restart with corrected settings starts up.
 */
public class CleverTapApiHealth extends AbstractHealthCheck {

    private volatile int refusedWith;
    private volatile Instant refusedAt;

    public CleverTapApiHealth() {
        super("clevertap", "clevertap-api");
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    /** Every answer of the API goes through here, before it is classified. */
    public void answered(@Header("CamelHttpResponseCode") Integer status) {
        int code = status == null ? 0 : status;
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
        builder.down()
                .message("CleverTap answered " + status + (status == 401
                        ? ": the account id or passcode is wrong, or the region is"
                        : ": this account may not use the Disassociate API from here"))
                .detail("status", status)
                .detail("since", String.valueOf(refusedAt));
    }
}
