package org.disassociate.clevertap.operations;

import java.time.Instant;
import java.util.Map;

import org.apache.camel.Header;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.disassociate.clevertap.model.HealthReason;

/**
 * Readiness: down while CleverTap refuses this account (401: wrong account id, passcode or region; 403: not allowed
 * from here). Nothing sent then can succeed, so an orchestrator should stop routing work here. Up again after CleverTap
 * takes a request; a restart with corrected settings starts up.
 */
public class CleverTapApiHealth extends AbstractHealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(CleverTapApiHealth.class);

    private String region = "";
    private volatile int refusedWith;
    private volatile Instant refusedAt;

    public CleverTapApiHealth() {
        super("clevertap", "clevertap-api");
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    /** Every answer of the API goes through here, before it is read; a refusal is logged with what may cause it. */
    public void answered(@Header("CamelHttpResponseCode") Integer status) {
        int code = status == null ? 0 : status;
        if (code == 401) {
            LOG.error("CleverTap answered 401: the account id or passcode is wrong, or the region is (clevertap.region={}); "
                      + "a wrong region answers 401 exactly like wrong credentials", region);
        } else if (code == 403) {
            LOG.error("CleverTap answered 403: this account may not use the Disassociate API from here (IP allow-list?)");
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
        HealthReason.of(builder.down(), "CleverTap answered " + status + (status == 401
                ? ": the account id or passcode is wrong, or the region is"
                : ": this account may not use the Disassociate API from here"))
                .detail("status", status)
                .detail("since", String.valueOf(refusedAt));
    }
}
