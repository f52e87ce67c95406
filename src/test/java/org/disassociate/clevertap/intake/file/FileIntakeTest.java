package org.disassociate.clevertap.intake.file;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileIntakeTest extends ApplicationTestSupport {

    @Test
    void aFileOf2500NumbersBecomesThreeRequestsOfAtMost1000() {
        drop("numbers.txt", numbers(2500, 10_000));

        awaitDone("numbers.txt");

        List<List<String>> batches = standIn.batches();
        assertEquals(List.of(1000, 1000, 500), batches.stream().map(List::size).toList());
        Set<String> sent = new HashSet<>(standIn.allValues());
        for (int i = 0; i < 2500; i++) {
            assertTrue(sent.contains(indian(10_000 + i)), "missing " + indian(10_000 + i));
        }
        // numbers ending in 99 are refused by the stand-in: 25 of them, each in the error channel with code 523
        List<JsonNode> errors = errors();
        assertEquals(25, errors.size());
        for (JsonNode error : errors) {
            assertTrue(error.path("record").path("value").asText().endsWith("99"));
            assertEquals("phone", error.path("record").path("type").asText());
            assertEquals(523, error.path("code").asInt());
            assertEquals("file:numbers.txt", error.path("source").asText());
            assertEquals("default", error.path("account").asText());
            assertFalse(error.path("batch").asText().isEmpty());
            assertFalse(error.path("at").asText().isEmpty());
        }
    }

    @Test
    void invalidLinesGoToTheErrorChannelAndNeverToCleverTap() {
        drop("mixed.txt", """
                # exported 2026-11-20
                +919812345678

                  98123 45679  \s
                not-a-number
                12345
                +1 415 555 0100
                00919812345680
                """);

        awaitDone("mixed.txt");

        assertEquals(List.of("+919812345678", "+919812345679", "+14155550100", "+919812345680"), standIn.allValues());
        List<JsonNode> errors = errors();
        assertEquals(List.of("not-a-number", "12345"), errorValues());
        for (JsonNode error : errors) {
            assertTrue(error.path("code").isNull());
            assertTrue(error.path("batch").isNull());
            assertTrue(error.has("account") && error.path("account").isNull(), "refused before any account: " + error);
            assertFalse(error.path("error").asText().isBlank());
        }
    }

    @Test
    void csvWithAPhoneColumnInAnyCaseAndQuotedFields() {
        drop("crm-export.csv", """
                id,"Name, full",PHONE,city
                1,"Doe, Jane",+919812345601,Pune
                2,"O""Brien, Pat","98123 45602","Delhi, NCR"
                3,nobody,,Mumbai
                """);

        awaitDone("crm-export.csv");

        assertEquals(List.of("+919812345601", "+919812345602"), standIn.allValues());
        assertEquals(1, errors().size(), "the empty phone cell is reported");
        assertEquals("empty value", errors().get(0).path("error").asText());
    }

    @Test
    void csvWithoutAPhoneColumnIsMovedToFailedAndTheNextFileStillGoesThrough() {
        drop("wrong.csv", "id,mobile\n1,+919812345601\n");
        drop("right.txt", "+919812345603\n");

        awaitFailed("wrong.csv");
        awaitDone("right.txt");

        assertEquals(List.of("+919812345603"), standIn.allValues());
    }

    @Test
    void duplicatesInsideOneBatchAreSentOnce() {
        drop("dups.txt", "+919812345610\n9812345610\n+91 98123 45610\n+919812345611\n");

        awaitDone("dups.txt");

        assertEquals(List.of("+919812345610", "+919812345611"), standIn.allValues());
        assertTrue(errors().isEmpty());
    }

    @Test
    void aSmallBatchIsSentAfterTheQuietTimeout() {
        drop("three.txt", numbers(3, 500));

        awaitDone("three.txt");

        assertEquals(1, standIn.requests().size());
        assertEquals(3, standIn.batches().get(0).size());
        assertFalse(
                standIn.requests().get(0).getRequest().queryParameter("dryRun").isPresent());
    }
}
