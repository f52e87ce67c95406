package org.disassociate.clevertap.intake.kamelet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.CapturedLog;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host's route names the account of its numbers with each use of the kamelet: a configured one by {@code account},
 * or one by its {@code accountId}, {@code passcode} and {@code region}, added while the application runs when it has
 * none of that id yet. The stand-in answers the configured accounts and the one a kamelet adds; which account a number
 * reached is the account id its request carried. No passcode is ever logged.
 */
class KameletAccountsTest extends ApplicationTestSupport {

    private static final String INDIA_ID = "INDIA-ACCOUNT-1";
    private static final String INDIA_PASSCODE = "PASS-India-4K2M";
    private static final String SEA_ID = "SEA-ACCOUNT-1";
    private static final String SEA_PASSCODE = "PASS-Sea-8H3N";
    /** An account of no setting: a kamelet names it by its credentials. */
    private static final String NEW_ID = "W9R-486-4W5Z";

    private static final String NEW_NAME = "kamelet-w9r-486-4w5z";
    /** With characters a URI query does not take as they are: the host's route gives it in RAW(…). */
    private static final String NEW_PASSCODE = "PASS+New&2X7V";

    private static final String WRONG_PASSCODE = "PASS-Wrong-5T1R";

    /** The host's routes, {@code direct:<name>}, each to the kamelet with these parameters. */
    private static final Map<String, String> HOST_ROUTES = new LinkedHashMap<>();

    static {
        HOST_ROUTES.put("sea", "?account=sea");
        HOST_ROUTES.put("india", "?account=india");
        HOST_ROUTES.put("by-country", "");
        HOST_ROUTES.put("europe", "?account=europe");
        HOST_ROUTES.put("sea-by-credentials", "?accountId=" + SEA_ID + "&passcode=" + SEA_PASSCODE + "&region=sg1");
        HOST_ROUTES.put("new", "?accountId=" + NEW_ID + "&passcode=RAW(" + NEW_PASSCODE + ")&region=eu1");
        HOST_ROUTES.put("new-by-name", "?account=" + NEW_NAME);
        HOST_ROUTES.put(
                "india-wrong-passcode", "?accountId=" + INDIA_ID + "&passcode=" + WRONG_PASSCODE + "&region=in1");
        HOST_ROUTES.put("new-wrong-passcode", "?accountId=" + NEW_ID + "&passcode=" + WRONG_PASSCODE + "&region=eu1");
        HOST_ROUTES.put("new-without-region", "?accountId=" + NEW_ID + "&passcode=RAW(" + NEW_PASSCODE + ")");
        HOST_ROUTES.put("new-without-passcode", "?accountId=" + NEW_ID + "&region=eu1");
        HOST_ROUTES.put("passcode-alone", "?passcode=RAW(" + NEW_PASSCODE + ")");
        HOST_ROUTES.put("account-and-id", "?account=india&accountId=" + INDIA_ID);
    }

    /** From the first start of the application to the last stop: every line it logs. */
    private static CapturedLog log;

    @BeforeAll
    static void captureTheLog() {
        log = CapturedLog.capture();
    }

    @AfterAll
    static void noPasscodeWasLogged() {
        log.close();
        String text = log.text();
        assertTrue(text.contains("CleverTap account " + NEW_NAME + " (" + NEW_ID + ") added by the kamelet"), text);
        for (String passcode :
                List.of(CleverTapStandIn.PASSCODE, INDIA_PASSCODE, SEA_PASSCODE, NEW_PASSCODE, WRONG_PASSCODE)) {
            assertFalse(text.contains(passcode), "a passcode in the log:\n" + text);
        }
    }

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        p.setProperty("clevertap.accounts", "india,sea");
        p.setProperty("clevertap.accounts.india.region", "in1");
        p.setProperty("clevertap.accounts.india.base-url", standIn.baseUrl());
        p.setProperty("clevertap.accounts.india.account-id", INDIA_ID);
        p.setProperty("clevertap.accounts.india.passcode", INDIA_PASSCODE);
        p.setProperty("clevertap.accounts.india.countries", "IN");
        p.setProperty("clevertap.accounts.sea.region", "sg1");
        p.setProperty("clevertap.accounts.sea.base-url", standIn.baseUrl());
        p.setProperty("clevertap.accounts.sea.account-id", SEA_ID);
        p.setProperty("clevertap.accounts.sea.passcode", SEA_PASSCODE);
        p.setProperty("clevertap.accounts.sea.countries", "SG");
        // the accounts a kamelet adds go to the stand-in too, instead of https://<region>.api.clevertap.com
        p.setProperty("clevertap.kamelet-base-url", standIn.baseUrl());
        // the host's own properties named as the kamelet's parameters are not the kamelet's
        p.setProperty("account", "sea");
        p.setProperty("accountId", SEA_ID);
        p.setProperty("passcode", SEA_PASSCODE);
        p.setProperty("region", "us1");
        p.setProperty("intake.file.enabled", "false");
        p.setProperty("intake.jms.enabled", "false");
        return p;
    }

    /** The host's own routes, as a host application has them beside the module's. */
    @Override
    protected void configure(MainConfigurationProperties configuration) {
        super.configure(configuration);
        configuration.addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                HOST_ROUTES.forEach((name, parameters) -> from("direct:" + name)
                        .routeId("host-" + name)
                        .to("kamelet:clevertap-disassociate-sink" + parameters));
            }
        });
    }

    @BeforeEach
    void standInKnowsTheAccounts() {
        standIn.accept(INDIA_ID, INDIA_PASSCODE);
        standIn.accept(SEA_ID, SEA_PASSCODE);
        standIn.accept(NEW_ID, NEW_PASSCODE);
    }

    @Test
    void aUseThatNamesAConfiguredAccountSendsAllItsNumbersToIt() {
        // Indian numbers, which would go to india by their country, and a Singaporean one
        send("sea", "+919800000101\n+919800000102\n+6591234567\n");
        send("india", "+6591234568\n");

        await().atMost(WAIT).until(() -> standIn.delivered().size() == 4);
        assertEquals(
                Map.of(
                        "+919800000101",
                        SEA_ID,
                        "+919800000102",
                        SEA_ID,
                        "+6591234567",
                        SEA_ID,
                        "+6591234568",
                        INDIA_ID),
                accountIdOfEachNumber());
    }

    @Test
    void aUseThatNamesNoAccountSendsEachNumberToTheAccountOfItsCountryElseToTheDefaultOne() {
        send("by-country", "+919800000201\n+6591234569\n+61412345678\n");

        await().atMost(WAIT).until(() -> standIn.delivered().size() == 3);
        assertEquals(
                Map.of("+919800000201", INDIA_ID, "+6591234569", SEA_ID, "+61412345678", CleverTapStandIn.ACCOUNT_ID),
                accountIdOfEachNumber());
    }

    @Test
    void aUseThatNamesAnAccountNotConfiguredFailsAndTakesNothing() throws Exception {
        assertEquals(
                "kamelet:clevertap-disassociate-sink: its account 'europe' is not a configured account "
                        + "(default, india, sea); no number was taken",
                refusal("europe", "+919800000301\n"));
        assertNothingTakenOf("+919800000301");
    }

    @Test
    void aUseWithTheCredentialsOfAConfiguredAccountSendsToIt() {
        send("sea-by-credentials", "+919800000401\n");

        await().atMost(WAIT).until(() -> standIn.delivered().size() == 1);
        assertEquals(Map.of("+919800000401", SEA_ID), accountIdOfEachNumber());
        assertEquals(
                List.of("default", "india", "sea"),
                accounts().all().stream().map(Account::name).toList(),
                "no account added");
    }

    @Test
    void aUseWithTheCredentialsOfANewAccountAddsItWithItsRoutesClientAndReadiness() throws Exception {
        send("new", "+919800000501\n+919800000502\n");

        await().atMost(WAIT).until(() -> standIn.delivered().size() == 2);
        assertEquals(Map.of("+919800000501", NEW_ID, "+919800000502", NEW_ID), accountIdOfEachNumber());
        Account added = accounts().byId(NEW_ID).orElseThrow();
        assertEquals(NEW_NAME, added.name());
        assertTrue(added.kamelet());
        assertEquals("eu1", added.region());
        assertTrue(added.countries().isEmpty(), "it takes no country's numbers: " + added.countries());
        assertNotNull(context.getRoute("send-batch-" + NEW_NAME), "its senders");
        assertNotNull(context.getRoute("intake-spool-" + NEW_NAME), "its spool's reader");
        String ready = management("/observe/health/ready").body();
        assertTrue(ready.contains("clevertap-api-" + NEW_NAME), ready);

        // named again, by its credentials or by its name: the same account, not another
        send("new", "+919800000503\n");
        send("new-by-name", "+919800000504\n");
        await().atMost(WAIT).until(() -> standIn.delivered().size() == 4);
        assertEquals(NEW_ID, accountIdOfEachNumber().get("+919800000503"));
        assertEquals(NEW_ID, accountIdOfEachNumber().get("+919800000504"));
        assertEquals(
                List.of("default", "india", "sea", NEW_NAME),
                accounts().all().stream().map(Account::name).toList());
    }

    @Test
    void aUseWithAKnownAccountIdAndAnotherPasscodeFailsAndTakesNothing() throws Exception {
        send("new", "+919800000601\n");
        await().atMost(WAIT).until(() -> standIn.delivered().size() == 1);

        for (String route : List.of("india-wrong-passcode", "new-wrong-passcode")) {
            String why = refusal(route, "+919800000602\n");
            assertTrue(
                    why.startsWith("kamelet:clevertap-disassociate-sink: its passcode is not that of account "), why);
            assertTrue(
                    why.contains(
                            route.startsWith("india") ? "india (" + INDIA_ID + ")" : NEW_NAME + " (" + NEW_ID + ")"),
                    why);
            assertFalse(
                    why.contains(WRONG_PASSCODE) || why.contains(NEW_PASSCODE) || why.contains(INDIA_PASSCODE), why);
        }
        assertNothingTakenOf("+919800000602");
        assertEquals(
                4, accounts().all().size(), "no account added: " + accounts().all());
    }

    @Test
    void aUseWithAnIncompleteAccountFailsSayingWhatIsMissing() throws Exception {
        assertEquals(
                "kamelet:clevertap-disassociate-sink: its accountId " + NEW_ID + " is not an account of this "
                        + "application: give its region too (in1, sg1, us1, aps3, mec1, eu1) to add it; no number was taken",
                refusal("new-without-region", "+919800000701\n"));
        assertEquals(
                "kamelet:clevertap-disassociate-sink: its accountId " + NEW_ID + " comes without a passcode; no "
                        + "number was taken",
                refusal("new-without-passcode", "+919800000701\n"));
        assertEquals(
                "kamelet:clevertap-disassociate-sink: it gives a passcode or a region without an accountId; no "
                        + "number was taken",
                refusal("passcode-alone", "+919800000701\n"));
        assertTrue(refusal("account-and-id", "+919800000701\n").contains("give either account or accountId"));
        assertTrue(accounts().byId(NEW_ID).isEmpty(), "no account added");
        assertNothingTakenOf("+919800000701");
    }

    /** Sends {@code body} through the host's route {@code direct:<route>}. */
    private void send(String route, String body) {
        template.requestBody("direct:" + route, body);
    }

    /** The message the host's exchange failed with. */
    private String refusal(String route, String body) {
        CamelExecutionException failed = assertThrows(CamelExecutionException.class, () -> send(route, body));
        Throwable cause = failed;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private Accounts accounts() {
        return context.getRegistry().lookupByNameAndType("accounts", Accounts.class);
    }

    /** The account id of the request that carried each number the stand-in received. */
    private Map<String, String> accountIdOfEachNumber() {
        Map<String, String> accountIds = new TreeMap<>();
        for (ServeEvent event : standIn.requests()) {
            for (String number : CleverTapStandIn.values(event.getRequest().getBodyAsString())) {
                accountIds.put(number, event.getRequest().getHeader("X-CleverTap-Account-Id"));
            }
        }
        return accountIds;
    }

    /**
     * {@code number} was not taken: a number sent afterwards reaches CleverTap, the spool is empty again, and
     * {@code number} is neither at CleverTap nor in the error channel.
     */
    private void assertNothingTakenOf(String number) {
        String marker = "+919800000888";
        send("india", marker + "\n");
        await().atMost(WAIT)
                .until(() -> standIn.delivered().contains(marker) && spooled().isEmpty());
        assertFalse(standIn.delivered().contains(number), standIn.delivered().toString());
        assertFalse(errorValues().contains(number), errorValues().toString());
    }

    /** The spool's files, of every account. */
    private List<Path> spooled() throws Exception {
        Path spool = stateDir().resolve("spool");
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(spool)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
