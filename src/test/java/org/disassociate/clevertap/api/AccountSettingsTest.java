package org.disassociate.clevertap.api;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.camel.impl.DefaultCamelContext;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.ConfigurationException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The accounts of the configuration: what a start takes, and the one line that stops a start that cannot work. */
class AccountSettingsTest {

    private static final Map<String, String> INDIA_AND_SEA = Map.of(
            "clevertap.accounts.india.region", "in1",
            "clevertap.accounts.india.account-id", "IN-ACC",
            "clevertap.accounts.india.passcode", "india-secret",
            "clevertap.accounts.india.countries", "IN",
            "clevertap.accounts.sea.region", "SG1",
            "clevertap.accounts.sea.account-id", "SEA-ACC",
            "clevertap.accounts.sea.passcode", "sea-secret",
            "clevertap.accounts.sea.countries", "sg, MY",
            "clevertap.accounts.sea.max-in-flight", "5");

    private static Accounts load(String names, String defaultAccountId, Map<String, String> properties)
            throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Properties overrides = new Properties();
            overrides.putAll(properties);
            context.getPropertiesComponent().setOverrideProperties(overrides);
            Accounts accounts = new Accounts();
            AccountSettings settings = new AccountSettings();
            settings.setCamelContext(context);
            settings.setAccounts(accounts);
            settings.setNames(names);
            settings.setRegion("in1");
            settings.setBaseUrl("https://in1.api.clevertap.com");
            settings.setAccountId(defaultAccountId);
            settings.setPasscode(defaultAccountId.isEmpty() ? "" : "default-secret");
            settings.validate();
            return accounts;
        }
    }

    private static String refusal(String names, String defaultAccountId, Map<String, String> properties) {
        return assertThrows(ConfigurationException.class, () -> load(names, defaultAccountId, properties))
                .getMessage();
    }

    private static Map<String, String> without(String key) {
        Map<String, String> properties = new java.util.HashMap<>(INDIA_AND_SEA);
        properties.remove(key);
        return properties;
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> properties = new java.util.HashMap<>(INDIA_AND_SEA);
        properties.put(key, value);
        return properties;
    }

    @Test
    void namedAccountsNeedNoDefaultOneAndRouteTheirCountries() throws Exception {
        Accounts accounts = load("india, sea", "", INDIA_AND_SEA);

        assertEquals(
                List.of("india", "sea"),
                accounts.all().stream().map(Account::name).toList());
        assertTrue(accounts.defaultAccount().isEmpty());
        Account sea = accounts.named("sea").orElseThrow();
        assertEquals("https://sg1.api.clevertap.com", sea.baseUrl());
        assertEquals(Set.of("SG", "MY"), sea.countries());
        assertEquals(5, sea.maxInFlight());
        assertEquals(List.of(sea), accounts.forCountry("MY"));
        assertEquals(List.of(), accounts.forCountry("GB"), "no account for GB, and no default account");
        assertEquals("no account for GB", Accounts.noAccountFor("GB"));
    }

    @Test
    void theSingleAccountSettingsAreTheDefaultAccountBesideNamedOnes() throws Exception {
        Accounts accounts = load("india,sea", "DEFAULT-ACC", INDIA_AND_SEA);

        Account fallback = accounts.defaultAccount().orElseThrow();
        assertEquals("DEFAULT-ACC", fallback.accountId());
        assertEquals(
                List.of(fallback), accounts.forCountry("GB"), "a country no account lists goes to the default one");
        assertEquals("IN-ACC", accounts.forCountry("IN").get(0).accountId());
    }

    @Test
    void aCountryTwoAccountsListGoesToBoth() throws Exception {
        Accounts accounts = load("india,sea", "", with("clevertap.accounts.india.countries", "IN,SG"));

        assertEquals(
                List.of("india", "sea"),
                accounts.forCountry("SG").stream().map(Account::name).toList());
    }

    @Test
    void withoutNamedAccountsTheDefaultOneIsRequiredAsBefore() {
        assertEquals("clevertap.account-id (CLEVERTAP_ACCOUNT_ID) is not set", refusal("", "", Map.of()));
    }

    @Test
    void aSettingThatCannotWorkStopsTheStartSayingWhich() {
        assertTrue(refusal("india,sea", "", without("clevertap.accounts.sea.passcode"))
                .endsWith("clevertap.accounts.sea.passcode (CLEVERTAP_ACCOUNTS_SEA_PASSCODE) is not set"));
        assertTrue(refusal("india,sea", "", without("clevertap.accounts.india.account-id"))
                .contains("clevertap.accounts.india.account-id (CLEVERTAP_ACCOUNTS_INDIA_ACCOUNT_ID) is not set"));
        assertTrue(refusal("india,sea", "", without("clevertap.accounts.sea.region"))
                .contains("region"));
        assertTrue(refusal("india,sea", "", with("clevertap.accounts.sea.region", "sg2"))
                .contains("'sg2' is not a CleverTap region"));
        assertTrue(refusal("india,sea", "", with("clevertap.accounts.sea.countries", "SG,XX"))
                .contains("'XX' is not an ISO 3166 country code"));
        assertTrue(refusal("india,sea", "", with("clevertap.accounts.sea.account-id", "IN-ACC"))
                .contains("have the same account id IN-ACC"));
        assertTrue(refusal("india,India", "", INDIA_AND_SEA).contains("'India' is not a name of an account"));
        assertTrue(refusal("india,default", "", INDIA_AND_SEA)
                .contains("'default' is the account of clevertap.account-id"));
    }

    @Test
    void noMessageNamesAPasscode() {
        for (String message : List.of(
                refusal("india,sea", "", with("clevertap.accounts.sea.account-id", "IN-ACC")),
                refusal("india,sea", "", with("clevertap.accounts.sea.region", "sg2")))) {
            assertFalse(message.contains("secret"), message);
        }
        assertEquals(
                "india (IN-ACC)",
                assertDoesNotThrowLoad().named("india").orElseThrow().toString());
    }

    private static Accounts assertDoesNotThrowLoad() {
        try {
            return load("india,sea", "", INDIA_AND_SEA);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
