package org.disassociate.clevertap.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.ConfigurationException;
import org.disassociate.clevertap.model.Passcode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CleverTap accounts of the configuration, checked at start-up and put in {@link Accounts}: a setting that cannot
 * work stops the start with a message that says which and why. Passcodes are only checked for presence, never logged.
 * <ul>
 * <li>{@code clevertap.region}, {@code clevertap.account-id}, {@code clevertap.passcode}: the account named
 * {@value Account#DEFAULT}. It is optional when {@code clevertap.accounts} names accounts.</li>
 * <li>{@code clevertap.accounts=india,sea}, then per name {@code clevertap.accounts.<name>.region},
 * {@code .account-id}, {@code .passcode}, {@code .countries}, and optionally {@code .base-url}, {@code .dry-run},
 * {@code .max-in-flight}, {@code .account-max-in-flight}, {@code .default-country}; each also from the environment
 * ({@code CLEVERTAP_ACCOUNTS_SEA_PASSCODE}).</li>
 * </ul>
 */
public class AccountSettings implements CamelContextAware {

    public static final List<String> REGIONS = Account.REGIONS;
    public static final int MAX_BATCH_SIZE = 1000;
    static final String PREFIX = "clevertap.accounts.";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private static final Logger LOG = LoggerFactory.getLogger(AccountSettings.class);

    private CamelContext camelContext;
    private Accounts accounts;
    private String names = "";
    private String region = "";
    private String baseUrl = "";
    private String accountId = "";
    private String passcode = "";
    private boolean dryRun;
    private int batchSize = MAX_BATCH_SIZE;
    private int maxInFlight = 3;
    private int accountMaxInFlight;
    private String defaultCountry = "IN";
    private boolean sandbox;

    /** The endpoint of a region: {@code https://<region>.api.clevertap.com}. */
    public static String regionUrl(String region) {
        return Account.regionUrl(region);
    }

    /** Refuses settings that cannot work; then puts each account in {@link Accounts} and says what it will use. */
    public void validate() {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new ConfigurationException("clevertap.batch-size (CLEVERTAP_BATCH_SIZE) is " + batchSize
                    + "; CleverTap takes 1 to " + MAX_BATCH_SIZE + " records a request");
        }
        if (maxInFlight < 1) {
            throw new ConfigurationException("clevertap.max-in-flight (CLEVERTAP_MAX_IN_FLIGHT) must be at least 1");
        }
        List<String> named = Arrays.stream(names.split(","))
                .map(String::trim)
                .filter(n -> !n.isEmpty())
                .toList();
        List<Account> configured = new ArrayList<>();
        if (named.isEmpty() || !accountId.isBlank()) {
            configured.add(defaultAccount());
        }
        for (String name : named) {
            configured.add(named(name));
        }
        // all checked before any is added: Camel's YAML loader tries a bean that failed once more, which would
        // otherwise
        // meet the accounts of its first try and hide why that one failed
        Accounts together = new Accounts();
        configured.forEach(account -> add(together, account));
        configured.forEach(account -> add(accounts, account));
        for (Account account : accounts.all()) {
            LOG.info(
                    "CleverTap account {}: {}/1/disassociate{}, {} request(s) in flight{}",
                    account,
                    account.baseUrl(),
                    account.countries().isEmpty() ? "" : ", numbers of " + String.join(", ", account.countries()),
                    account.maxInFlight(),
                    account.dryRun() ? ", DRY RUN (dryRun=1: CleverTap validates, changes nothing)" : "");
        }
        LOG.info("CleverTap: batches of up to {}", batchSize);
        if (sandbox) {
            LOG.warn(
                    "SANDBOX: requests go to the built-in stand-in of the Disassociate API; nothing reaches CleverTap");
        }
    }

    private static void add(Accounts accounts, Account account) {
        try {
            accounts.add(account);
        } catch (ConfigurationException e) {
            throw new ConfigurationException("clevertap.accounts: " + e.getMessage());
        }
    }

    private Account defaultAccount() {
        boolean regionDecides = baseUrl.equals(regionUrl(region));
        if ((regionDecides || !region.isEmpty()) && !REGIONS.contains(region)) {
            throw new ConfigurationException((region.isEmpty()
                            ? "clevertap.region (CLEVERTAP_REGION) is not set"
                            : "clevertap.region '" + region + "' is not a CleverTap region")
                    + "; valid regions: "
                    + String.join(", ", REGIONS));
        }
        checkUrl(baseUrl, "clevertap.base-url (CLEVERTAP_BASE_URL)");
        if (accountId.isBlank()) {
            throw new ConfigurationException("clevertap.account-id (CLEVERTAP_ACCOUNT_ID) is not set");
        }
        if (passcode.isBlank()) {
            throw new ConfigurationException("clevertap.passcode (CLEVERTAP_PASSCODE) is not set");
        }
        return new Account(
                Account.DEFAULT,
                accountId,
                new Passcode(passcode),
                region,
                baseUrl,
                Set.of(),
                dryRun,
                maxInFlight,
                accountMaxInFlight,
                defaultCountry,
                false);
    }

    private Account named(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new ConfigurationException(
                    "clevertap.accounts: '" + name + "' is not a name of an account: lower-case "
                            + "letters, digits and '-', as in india or sea-brand-2");
        }
        if (name.equals(Account.DEFAULT)) {
            throw new ConfigurationException("clevertap.accounts: 'default' is the account of clevertap.account-id; "
                    + "give the others names of their own");
        }
        String region =
                setting(name, "region").map(r -> r.toLowerCase(Locale.ROOT)).orElseThrow(() -> missing(name, "region"));
        if (!REGIONS.contains(region)) {
            throw new ConfigurationException(key(name, "region") + " '" + region + "' is not a CleverTap region; valid "
                    + "regions: " + String.join(", ", REGIONS));
        }
        String id = setting(name, "account-id").orElseThrow(() -> missing(name, "account-id"));
        Passcode passcode = new Passcode(setting(name, "passcode").orElseThrow(() -> missing(name, "passcode")));
        String url =
                setting(name, "base-url").map(AccountSettings::withoutSlash).orElse(regionUrl(region));
        checkUrl(url, key(name, "base-url"));
        Set<String> countries = new LinkedHashSet<>();
        for (String country : setting(name, "countries").orElse("").split(",", -1)) {
            String code = country.trim().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!COUNTRIES.contains(code)) {
                throw new ConfigurationException(key(name, "countries") + ": '" + country.trim()
                        + "' is not an ISO 3166 country code (for example IN, SG, MY)");
            }
            countries.add(code);
        }
        String country = setting(name, "default-country")
                .map(c -> c.toUpperCase(Locale.ROOT))
                .orElse(defaultCountry);
        if (!COUNTRIES.contains(country)) {
            throw new ConfigurationException(key(name, "default-country") + " '" + country
                    + "' is not an ISO 3166 country code (for example IN, SG, MY)");
        }
        int max = number(name, "max-in-flight", maxInFlight);
        if (max < 1) {
            throw new ConfigurationException(key(name, "max-in-flight") + " must be at least 1");
        }
        return new Account(
                name,
                id,
                passcode,
                region,
                url,
                countries,
                setting(name, "dry-run").map(Boolean::parseBoolean).orElse(dryRun),
                max,
                number(name, "account-max-in-flight", accountMaxInFlight),
                country,
                false);
    }

    private Optional<String> setting(String name, String setting) {
        return camelContext
                .getPropertiesComponent()
                .resolveProperty(PREFIX + name + "." + setting)
                .map(String::trim)
                .filter(value -> !value.isEmpty());
    }

    private int number(String name, String setting, int otherwise) {
        try {
            return setting(name, setting).map(Integer::parseInt).orElse(otherwise);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key(name, setting) + " is not a whole number");
        }
    }

    /** The setting's key, and its environment variable: {@code clevertap.accounts.sea.region (CLEVERTAP_ACCOUNTS_SEA_REGION)}. */
    private static String key(String name, String setting) {
        String key = PREFIX + name + "." + setting;
        return key + " (" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + ")";
    }

    private static ConfigurationException missing(String name, String setting) {
        return new ConfigurationException(
                "clevertap.accounts names '" + name + "', but " + key(name, setting) + " is not set");
    }

    private static void checkUrl(String url, String setting) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new ConfigurationException(setting + " must start with http:// or https://");
        }
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    public void setAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    /** {@code clevertap.accounts}: the names of the accounts besides the default one. */
    public void setNames(String names) {
        this.names = names == null ? "" : names;
    }

    public void setRegion(String region) {
        this.region = region == null ? "" : region.trim().toLowerCase(Locale.ROOT);
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = withoutSlash(baseUrl == null ? "" : baseUrl.trim());
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId == null ? "" : accountId.trim();
    }

    public void setPasscode(String passcode) {
        this.passcode = passcode == null ? "" : passcode.trim();
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

    public void setAccountMaxInFlight(int accountMaxInFlight) {
        this.accountMaxInFlight = accountMaxInFlight;
    }

    public void setDefaultCountry(String defaultCountry) {
        this.defaultCountry =
                defaultCountry == null ? "IN" : defaultCountry.trim().toUpperCase(Locale.ROOT);
    }

    public void setSandbox(boolean sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public String toString() {
        return "AccountSettings[" + names + "]";
    }
}
