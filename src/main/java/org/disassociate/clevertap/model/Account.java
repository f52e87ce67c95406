package org.disassociate.clevertap.model;

import java.util.List;
import java.util.Set;

/**
 * A CleverTap account this deployment delivers to, by the name the configuration gives it ({@code default} for the
 * single-account settings {@code clevertap.account-id}, … ). Every report names an account by {@link #name()} (and
 * {@link #accountId()}); {@code toString} never shows the passcode.
 *
 * @param name               the configured name ({@code clevertap.accounts=india,sea}), or the kamelet's
 * @param accountId          {@code X-CleverTap-Account-Id}
 * @param passcode           {@code X-CleverTap-Passcode}, in memory only
 * @param region             CleverTap's data region (in1, sg1, …); empty when a base URL is set without one
 * @param baseUrl            where its requests go: {@code https://<region>.api.clevertap.com}, or a stand-in
 * @param countries          the ISO 3166 countries whose numbers go to it
 * @param dryRun             its requests only validate ({@code dryRun=1})
 * @param maxInFlight        its requests in flight at once, from this instance
 * @param accountMaxInFlight its requests in flight at once across the fleet on the broker (0: no shared limit)
 * @param defaultCountry     the country of a number written without {@code +} that reaches it by name
 * @param kamelet            named by a kamelet's parameters while the host runs, not by the configuration
 */
public record Account(
        String name,
        String accountId,
        Passcode passcode,
        String region,
        String baseUrl,
        Set<String> countries,
        boolean dryRun,
        int maxInFlight,
        int accountMaxInFlight,
        String defaultCountry,
        boolean kamelet) {

    /** The name of the account of the single-account settings. */
    public static final String DEFAULT = "default";
    /** CleverTap's data regions. */
    public static final List<String> REGIONS = List.of("in1", "sg1", "us1", "aps3", "mec1", "eu1");

    /** The endpoint of a region: {@code https://<region>.api.clevertap.com}. */
    public static String regionUrl(String region) {
        return "https://" + region + ".api.clevertap.com";
    }

    public Account {
        countries = Set.copyOf(countries);
    }

    @Override
    public String toString() {
        return name + " (" + accountId + ")";
    }
}
