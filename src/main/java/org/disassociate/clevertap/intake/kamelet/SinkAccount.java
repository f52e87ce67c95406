package org.disassociate.clevertap.intake.kamelet;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.ConfigurationException;
import org.disassociate.clevertap.model.Passcode;
import org.disassociate.clevertap.model.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account a use of the kamelet names, for all the numbers of its message (the variable {@value Variables#ACCOUNT}):
 * <ul>
 * <li>{@code account}: a configured account by its name (or one a kamelet added before);</li>
 * <li>{@code accountId}, {@code passcode} and {@code region}: the account of that id when it is known and the passcode
 * is its own; an id not known yet is added to {@link Accounts} while the host runs ({@code kamelet-<id>}, its passcode
 * in memory only), and gets its routes, its HTTP client and its readiness checks at once;</li>
 * <li>neither: none, and each number goes to the account of its country, else to the default one.</li>
 * </ul>
 * Anything else fails the host's exchange before a number is taken, saying why; a passcode is never part of a
 * message. The kamelet hands its parameters over in variables, which this removes.
 */
public class SinkAccount {

    private static final Logger LOG = LoggerFactory.getLogger(SinkAccount.class);
    /** An account id this takes: it names the account, its spool folder and its routes, and goes in a header. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    private Accounts accounts;
    private String baseUrl = "";
    private boolean dryRun;
    private int maxInFlight = 3;
    private int accountMaxInFlight;
    private String defaultCountry = "IN";

    /** Sets the variable {@value Variables#ACCOUNT} to the account the kamelet's parameters name, or removes it. */
    public void name(Exchange exchange) {
        String account = parameter(exchange, Variables.KAMELET_ACCOUNT);
        String accountId = parameter(exchange, Variables.KAMELET_ACCOUNT_ID);
        String passcode = parameter(exchange, Variables.KAMELET_PASSCODE);
        String region = parameter(exchange, Variables.KAMELET_REGION).toLowerCase(Locale.ROOT);
        Account named = named(account, accountId, passcode, region);
        if (named == null) {
            exchange.removeVariable(Variables.ACCOUNT);
        } else {
            exchange.setVariable(Variables.ACCOUNT, named.name());
        }
    }

    /** The account the parameters name; null when they name none. */
    Account named(String account, String accountId, String passcode, String region) {
        if (!account.isEmpty()) {
            if (!accountId.isEmpty() || !passcode.isEmpty() || !region.isEmpty()) {
                throw refused(
                        "it names the account '" + account + "' and gives accountId, passcode or region too: give "
                                + "either account or accountId, passcode and region");
            }
            return accounts.named(account)
                    .orElseThrow(() -> refused(
                            "its account '" + account + "' is not a " + "configured account (" + names() + ")"));
        }
        if (accountId.isEmpty()) {
            if (!passcode.isEmpty() || !region.isEmpty()) {
                throw refused("it gives a passcode or a region without an accountId");
            }
            return null;
        }
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw refused("its accountId is not a CleverTap account id (letters, digits, '-' and '_', at most 40)");
        }
        if (passcode.isEmpty()) {
            throw refused("its accountId " + accountId + " comes without a passcode");
        }
        if (!region.isEmpty() && !Account.REGIONS.contains(region)) {
            throw refused("its region '" + region + "' is not a CleverTap region; valid regions: "
                    + String.join(", ", Account.REGIONS));
        }
        Account known = accounts.byId(accountId).orElse(null);
        return known != null ? checked(known, passcode, region) : added(accountId, passcode, region);
    }

    /** An account known already, when the passcode is its own and the region (if given) its own. */
    private static Account checked(Account known, String passcode, String region) {
        if (!known.passcode().matches(passcode)) {
            throw refused("its passcode is not that of account " + known);
        }
        if (!region.isEmpty() && !known.region().isEmpty() && !known.region().equals(region)) {
            throw refused("account " + known + " is in region " + known.region() + ", not " + region);
        }
        return known;
    }

    /** A new account, or the one another use of the kamelet added meanwhile. */
    private synchronized Account added(String accountId, String passcode, String region) {
        Account known = accounts.byId(accountId).orElse(null);
        if (known != null) {
            return checked(known, passcode, region);
        }
        if (region.isEmpty()) {
            throw refused("its accountId " + accountId + " is not an account of this application: give its region "
                    + "too (" + String.join(", ", Account.REGIONS) + ") to add it");
        }
        Account account = new Account(
                nameOf(accountId),
                accountId,
                new Passcode(passcode),
                region,
                baseUrl.isEmpty() ? Account.regionUrl(region) : baseUrl,
                Set.of(),
                dryRun,
                maxInFlight,
                accountMaxInFlight,
                defaultCountry,
                true);
        try {
            accounts.add(account);
        } catch (ConfigurationException e) {
            throw refused("its account cannot be added: " + e.getMessage());
        }
        LOG.info(
                "CleverTap account {} added by the kamelet: {}/1/disassociate, {} request(s) in flight{}",
                account,
                account.baseUrl(),
                account.maxInFlight(),
                account.dryRun() ? ", DRY RUN" : "");
        return account;
    }

    /** The name of the account a kamelet adds: {@code kamelet-} and its id in lower case, '_' as '-'. */
    static String nameOf(String accountId) {
        return "kamelet-" + accountId.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private String names() {
        return String.join(", ", accounts.all().stream().map(Account::name).toList());
    }

    private static String parameter(Exchange exchange, String variable) {
        Object value = exchange.removeVariable(variable);
        return value == null ? "" : value.toString().strip();
    }

    private static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException("kamelet:clevertap-disassociate-sink: " + why + "; no number was taken");
    }

    public void setAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The API of the accounts a kamelet adds; empty: {@code https://<region>.api.clevertap.com}. */
    public void setBaseUrl(String baseUrl) {
        String url = baseUrl == null ? "" : baseUrl.strip();
        if (!url.isEmpty() && !url.startsWith("http://") && !url.startsWith("https://")) {
            throw new ConfigurationException(
                    "clevertap.kamelet-base-url (CLEVERTAP_KAMELET_BASE_URL) must start with " + "http:// or https://");
        }
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public void setAccountMaxInFlight(int accountMaxInFlight) {
        this.accountMaxInFlight = accountMaxInFlight;
    }

    public void setDefaultCountry(String defaultCountry) {
        this.defaultCountry =
                defaultCountry == null ? "IN" : defaultCountry.strip().toUpperCase(Locale.ROOT);
    }
}
