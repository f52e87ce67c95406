package org.disassociate.clevertap.api;

import java.util.List;
import java.util.Locale;

import org.disassociate.clevertap.model.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings of the CleverTap account this service talks to, checked at start-up: a setting that cannot work stops
 * the start with a message that says which and why. The passcode is only checked for presence, never logged.
 */
public class ClevertapSettings {

    public static final List<String> REGIONS = List.of("in1", "sg1", "us1", "aps3", "mec1", "eu1");
    public static final int MAX_BATCH_SIZE = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(ClevertapSettings.class);

    private String region = "";
    private String baseUrl = "";
    private String accountId = "";
    private boolean passcodeSet;
    private boolean dryRun;
    private int batchSize = MAX_BATCH_SIZE;
    private int maxInFlight = 3;
    private boolean sandbox;

    /** The endpoint of a region: {@code https://<region>.api.clevertap.com}. */
    public static String regionUrl(String region) {
        return "https://" + region + ".api.clevertap.com";
    }

    /** Refuses settings that cannot work; then says what it will use. */
    public void validate() {
        boolean regionDecides = baseUrl.equals(regionUrl(region));
        if ((regionDecides || !region.isEmpty()) && !REGIONS.contains(region)) {
            throw new ConfigurationException((region.isEmpty() ? "clevertap.region (CLEVERTAP_REGION) is not set"
                    : "clevertap.region '" + region + "' is not a CleverTap region") + "; valid regions: "
                    + String.join(", ", REGIONS));
        }
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new ConfigurationException("clevertap.base-url (CLEVERTAP_BASE_URL) must start with http:// or https://");
        }
        if (accountId.isBlank()) {
            throw new ConfigurationException("clevertap.account-id (CLEVERTAP_ACCOUNT_ID) is not set");
        }
        if (!passcodeSet) {
            throw new ConfigurationException("clevertap.passcode (CLEVERTAP_PASSCODE) is not set");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new ConfigurationException("clevertap.batch-size (CLEVERTAP_BATCH_SIZE) is " + batchSize
                    + "; CleverTap takes 1 to " + MAX_BATCH_SIZE + " records a request");
        }
        if (maxInFlight < 1) {
            throw new ConfigurationException("clevertap.max-in-flight (CLEVERTAP_MAX_IN_FLIGHT) must be at least 1");
        }
        LOG.info("CleverTap: {}/1/disassociate, account {}, batches of up to {}, {} request(s) in flight{}", baseUrl,
                accountId, batchSize, maxInFlight, dryRun ? ", DRY RUN (dryRun=1: CleverTap validates, changes nothing)" : "");
        if (sandbox) {
            LOG.warn("SANDBOX: requests go to the built-in stand-in of the Disassociate API at {}; nothing reaches CleverTap",
                    baseUrl);
        }
    }

    public void setRegion(String region) {
        this.region = region == null ? "" : region.trim().toLowerCase(Locale.ROOT);
    }

    public void setBaseUrl(String baseUrl) {
        String url = baseUrl == null ? "" : baseUrl.trim();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId == null ? "" : accountId.trim();
    }

    public void setPasscode(String passcode) {
        this.passcodeSet = passcode != null && !passcode.isBlank();
    }

    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public void setSandbox(boolean sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public String toString() {
        return "ClevertapSettings[" + baseUrl + ", account " + accountId + "]";
    }
}
