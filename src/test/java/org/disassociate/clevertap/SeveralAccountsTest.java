package org.disassociate.clevertap;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two accounts by country, no default one: india (IN) at the usual stand-in, sea (SG, MY) at a stand-in of its own.
 * A number reaches the account of its country, or the one its folder names; one that no account takes goes to the
 * error channel; and one account's outage never holds up the other's numbers, not even those of the same file.
 */
class SeveralAccountsTest extends ApplicationTestSupport {

    @RegisterExtension
    static final CleverTapStandIn sea = new CleverTapStandIn("SEA-ACC", "sea-Secret-2");

    @Override
    protected Properties overrides() {
        sea.reset();
        Properties p = new Properties();
        p.setProperty("clevertap.account-id", "");
        p.setProperty("clevertap.passcode", "");
        p.setProperty("clevertap.accounts", "india,sea");
        p.setProperty("clevertap.accounts.india.region", "in1");
        p.setProperty("clevertap.accounts.india.account-id", CleverTapStandIn.ACCOUNT_ID);
        p.setProperty("clevertap.accounts.india.passcode", CleverTapStandIn.PASSCODE);
        p.setProperty("clevertap.accounts.india.base-url", standIn.baseUrl());
        p.setProperty("clevertap.accounts.india.countries", "IN");
        p.setProperty("clevertap.accounts.sea.region", "sg1");
        p.setProperty("clevertap.accounts.sea.account-id", "SEA-ACC");
        p.setProperty("clevertap.accounts.sea.passcode", "sea-Secret-2");
        p.setProperty("clevertap.accounts.sea.base-url", sea.baseUrl());
        p.setProperty("clevertap.accounts.sea.countries", "SG,MY");
        // an account in an outage keeps retrying its batches (none fails to the error channel meanwhile)
        p.setProperty("clevertap.retry.max-attempts", "1000");
        return p;
    }

    /** A valid Singapore mobile number in E.164. */
    private static String singaporean(long n) {
        return String.format("+6581%06d", n);
    }

    /** Numbers the stand-ins process: none ends in 99 (they refuse those as not an identity). */
    private static List<String> singaporeans(int count, long first) {
        List<String> numbers = new ArrayList<>();
        for (long n = first; numbers.size() < count; n++) {
            if (n % 100 != 99) {
                numbers.add(singaporean(n));
            }
        }
        return numbers;
    }

    private static List<String> indians(int count, long first) {
        List<String> numbers = new ArrayList<>();
        for (long n = first; numbers.size() < count; n++) {
            if (n % 100 != 99) {
                numbers.add(indian(n));
            }
        }
        return numbers;
    }

    /** The numbers alternate, a line each: a CRM export of every country. */
    private static String mixed(List<String> a, List<String> b) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            text.append(i < a.size() ? a.get(i) + "\n" : "").append(i < b.size() ? b.get(i) + "\n" : "");
        }
        return text.toString();
    }

    private static Set<String> accountIdsAt(CleverTapStandIn api) {
        Set<String> ids = new HashSet<>();
        api.requests().forEach(event -> ids.add(event.getRequest().getHeader("X-CleverTap-Account-Id")));
        return ids;
    }

    @Test
    void aMixedFileIsSplitByCountryAndANumberNoAccountTakesGoesToTheErrorChannel() {
        List<String> india = indians(1500, 1);
        List<String> singapore = singaporeans(700, 1);
        drop("crm.txt", mixed(india, singapore) + "+442079460000\n");

        awaitDone("crm.txt");

        assertTrue(
                Set.copyOf(india).equals(Set.copyOf(standIn.delivered())),
                "every Indian number at india's API, no other");
        assertEquals(india.size(), standIn.delivered().size(), "each once");
        assertTrue(
                Set.copyOf(singapore).equals(Set.copyOf(sea.delivered())),
                "every Singaporean number at sea's, no other");
        assertEquals(Set.of(CleverTapStandIn.ACCOUNT_ID), accountIdsAt(standIn));
        assertEquals(Set.of("SEA-ACC"), accountIdsAt(sea));
        for (List<String> batch : standIn.batches()) {
            assertTrue(batch.stream().allMatch(n -> n.startsWith("+91")), "a batch never mixes accounts");
        }
        List<JsonNode> errors = errors();
        assertEquals(1, errors.size());
        assertEquals("+442079460000", errors.get(0).path("record").path("value").asText());
        assertEquals("no account for GB", errors.get(0).path("error").asText());
    }

    @Test
    void aFolderOfTheInboxNamesTheAccountWhateverTheCountry() {
        List<String> india = indians(20, 5000);
        drop("sea/brand.txt", String.join("\n", india) + "\n");

        await().atMost(WAIT).until(() -> Files.exists(inbox().resolve("sea/.done/brand.txt")));

        assertEquals(Set.copyOf(india), Set.copyOf(sea.delivered()));
        assertEquals(List.of(), standIn.delivered());
    }

    @Test
    void aFolderThatNamesNoAccountFailsTheFileSayingSo() {
        drop("nobody/brand.txt", indian(1) + "\n");

        await().atMost(WAIT).until(() -> Files.exists(inbox().resolve("nobody/.failed/brand.txt")));

        assertEquals(List.of(), standIn.delivered());
        assertEquals(List.of(), sea.delivered());
    }

    @Test
    void oneAccountsOutageNeverHoldsUpTheOthersNumbersOfTheSameFileAndLosesNone() {
        standIn.answerAlways(aResponse().withStatus(503).withBody("{\"status\":\"fail\",\"error\":\"unavailable\"}"));
        List<String> india = indians(20_000, 1);
        List<String> singapore = singaporeans(20_000, 1);
        drop("crm.txt", mixed(india, singapore));

        // india answers 503 to every request; sea's numbers all arrive meanwhile: india's wait in its batches being
        // retried, and in its spool, where the file's reader set them aside instead of waiting for india
        await().atMost(WAIT).until(() -> sea.delivered().size() >= singapore.size());
        assertTrue(
                Set.copyOf(singapore).equals(Set.copyOf(sea.delivered())),
                "every Singaporean number at sea's, no other");
        assertEquals(0, standIn.delivered().size());
        assertEquals(0, errors().size(), "nothing went to the error channel: india's numbers wait for it");

        // india comes back: every one of its numbers arrives, from its batches being retried and from its spool
        standIn.reset();
        awaitDone("crm.txt");
        await().atMost(WAIT).until(() -> Set.copyOf(standIn.delivered()).containsAll(india));
        assertEquals(Set.of(CleverTapStandIn.ACCOUNT_ID), accountIdsAt(standIn));
        assertTrue(standIn.delivered().stream().allMatch(n -> n.startsWith("+91")), "no number to the wrong account");
        assertEquals(0, errors().size());
    }
}
