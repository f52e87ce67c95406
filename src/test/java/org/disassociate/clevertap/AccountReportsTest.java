package org.disassociate.clevertap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.ManagementCalls;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two accounts by country, india (IN) and sea (SG), and no default one: the error records, the metrics and the run
 * report of a file say which account each number went to.
 */
class AccountReportsTest extends ApplicationTestSupport {

    static final String INDIAN = "+919812345601";
    static final String INDIAN_UNPROCESSED = "+919812345699";
    static final String SINGAPOREAN = "+6581234501";
    static final String SINGAPOREAN_UNPROCESSED = "+6591234599";
    static final String BRITISH = "+442071838750";

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        // no default account: a number of neither country reaches none
        p.setProperty("clevertap.account-id", "");
        p.setProperty("clevertap.passcode", "");
        p.setProperty("clevertap.accounts", "india,sea");
        account(p, "india", "in1", CleverTapStandIn.ACCOUNT_ID, CleverTapStandIn.PASSCODE, "IN");
        account(p, "sea", "sg1", CleverTapStandIn.SECOND_ACCOUNT_ID, CleverTapStandIn.SECOND_PASSCODE, "SG");
        return p;
    }

    private static void account(Properties p, String name, String region, String id, String passcode, String country) {
        String prefix = "clevertap.accounts." + name + ".";
        p.setProperty(prefix + "region", region);
        p.setProperty(prefix + "base-url", standIn.baseUrl());
        p.setProperty(prefix + "account-id", id);
        p.setProperty(prefix + "passcode", passcode);
        p.setProperty(prefix + "countries", country);
    }

    @Test
    void theRunReportOfAMixedFileCountsEachAccountsNumbers() throws Exception {
        drop(
                "mixed.txt",
                String.join(
                        "\n",
                        INDIAN,
                        "+919812345602",
                        INDIAN_UNPROCESSED,
                        SINGAPOREAN,
                        "+6581234502",
                        "not-a-number",
                        ""));

        awaitDone("mixed.txt");

        JsonNode report = report("mixed.txt");
        assertEquals("delivered-with-errors", report.path("outcome").asText(), report.toString());
        assertEquals(5, report.path("accepted").asLong(), report.toString());
        assertEquals(4, report.path("processed").asLong(), report.toString());
        assertEquals(1, report.path("failed").asLong(), report.toString());
        assertEquals(0, report.path("setAside").asLong(), report.toString());
        JsonNode accounts = report.path("accounts");
        assertEquals(List.of("india", "sea"), fieldNames(accounts), report.toString());
        assertCounts(accounts.path("india"), 2, 1, 0);
        assertCounts(accounts.path("sea"), 2, 0, 0);
    }

    @Test
    void theErrorRecordsNameTheAccountOfEachNumberAndNoneForNumbersThatReachedNone() {
        drop(
                "errors.txt",
                String.join(
                        "\n",
                        INDIAN,
                        INDIAN_UNPROCESSED,
                        SINGAPOREAN,
                        SINGAPOREAN_UNPROCESSED,
                        BRITISH,
                        "not-a-number",
                        ""));

        awaitDone("errors.txt");

        Map<String, JsonNode> byValue = new HashMap<>();
        errors().forEach(error -> byValue.put(error.path("record").path("value").asText(), error));
        assertEquals(4, byValue.size(), byValue.toString());
        assertEquals("india", byValue.get(INDIAN_UNPROCESSED).path("account").asText());
        assertEquals("sea", byValue.get(SINGAPOREAN_UNPROCESSED).path("account").asText());
        assertEquals("no account for GB", byValue.get(BRITISH).path("error").asText());
        assertTrue(
                byValue.get(BRITISH).has("account")
                        && byValue.get(BRITISH).path("account").isNull(),
                byValue.get(BRITISH).toString());
        assertTrue(
                byValue.get("not-a-number").has("account")
                        && byValue.get("not-a-number").path("account").isNull(),
                byValue.get("not-a-number").toString());
        for (JsonNode error : byValue.values()) {
            assertFalse(
                    error.toString().contains(CleverTapStandIn.PASSCODE)
                            || error.toString().contains(CleverTapStandIn.SECOND_PASSCODE),
                    error.toString());
        }
    }

    @Test
    void eachAccountHasItsOwnMetersFromTheStartAndNoNumberIsInAny() throws Exception {
        Map<String, Double> atStart = ManagementCalls.metrics(managementPort);
        for (String account : List.of("india", "sea")) {
            String tag = "{account=\"" + account + "\"}";
            for (String counter : List.of(
                    "clevertap_numbers_sent_total",
                    "clevertap_numbers_processed_total",
                    "clevertap_batches_sent_total",
                    "clevertap_batches_failed_total",
                    "clevertap_requests_retries_total",
                    "clevertap_requests_throttled_total",
                    "clevertap_requests_in_flight",
                    "clevertap_batch_size_numbers_count",
                    "clevertap_requests_concurrency")) {
                assertTrue(atStart.containsKey(counter + tag), counter + tag + " is there before any number");
            }
            assertEquals(0.0, atStart.get("clevertap_numbers_sent_total" + tag));
        }

        drop(
                "mixed.txt",
                String.join(
                        "\n", INDIAN, "+919812345602", INDIAN_UNPROCESSED, SINGAPOREAN, SINGAPOREAN_UNPROCESSED, ""));
        awaitDone("mixed.txt");

        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Double> metrics = ManagementCalls.metrics(managementPort);
            assertEquals(3.0, metrics.get("clevertap_numbers_sent_total{account=\"india\"}"));
            assertEquals(2.0, metrics.get("clevertap_numbers_sent_total{account=\"sea\"}"));
            assertEquals(2.0, metrics.get("clevertap_numbers_processed_total{account=\"india\"}"));
            assertEquals(1.0, metrics.get("clevertap_numbers_processed_total{account=\"sea\"}"));
            assertEquals(1.0, metrics.get("clevertap_numbers_unprocessed_total{account=\"india\",code=\"523\"}"));
            assertEquals(1.0, metrics.get("clevertap_numbers_unprocessed_total{account=\"sea\",code=\"523\"}"));
            assertEquals(1.0, metrics.get("clevertap_batches_sent_total{account=\"india\"}"));
            assertEquals(1.0, metrics.get("clevertap_batches_sent_total{account=\"sea\"}"));
            assertEquals(1.0, metrics.get("clevertap_requests_seconds_count{account=\"sea\",status=\"200\"}"));
            assertEquals(3.0, metrics.get("clevertap_batch_size_numbers_sum{account=\"india\"}"));
            assertEquals(2.0, metrics.get("clevertap_batch_size_numbers_sum{account=\"sea\"}"));
            assertEquals(0.0, metrics.get("clevertap_requests_in_flight{account=\"sea\"}"));
        });
        String body = management("/observe/metrics").body();
        for (String secret :
                List.of("9812345", "8123450", "9123459", CleverTapStandIn.PASSCODE, CleverTapStandIn.SECOND_PASSCODE)) {
            assertFalse(body.contains(secret), "no metric holds " + secret);
        }
    }

    private JsonNode report(String file) throws Exception {
        Path path = inbox().resolve(".done").resolve(file + ".report.json");
        assertTrue(Files.exists(path), "no report " + path);
        return CleverTapStandIn.MAPPER.readTree(path.toFile());
    }

    private static void assertCounts(JsonNode counts, long processed, long failed, long setAside) {
        assertEquals(processed, counts.path("processed").asLong(), counts.toString());
        assertEquals(failed, counts.path("failed").asLong(), counts.toString());
        assertEquals(setAside, counts.path("setAside").asLong(), counts.toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
