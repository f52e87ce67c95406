package org.disassociate.clevertap.api;

import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An API that misbehaves all along: retried until taken, nothing lost, nothing given up on, no batch too large. */
class FaultyApiTest extends ApplicationTestSupport {

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        p.setProperty("clevertap.retry.max-attempts", "12");
        p.setProperty("clevertap.max-in-flight", "4");
        return p;
    }

    @Test
    void twentyThousandNumbersGetThroughAnApiThatRefusesAndDropsAThirdOfItsRequests() {
        standIn.misbehave(20261123, 0.15, 0.15, 0.05);
        StringBuilder file = new StringBuilder();
        int count = 0;
        for (long n = 30_000_000L; count < 20_000; n += 7) {
            // numbers ending in 99 are CleverTap's to refuse (523): left out, so that any error is the faults'
            if (!indian(n).endsWith("99")) {
                file.append(indian(n)).append('\n');
                count++;
            }
        }
        List<String> sent = List.of(file.toString().split("\n"));
        assertEquals(20_000, sent.size());

        drop("flaky-api.txt", file.toString());
        awaitDone("flaky-api.txt");

        Set<String> delivered = new HashSet<>(standIn.delivered());
        assertEquals(
                List.of(),
                sent.stream().filter(n -> !delivered.contains(n)).limit(20).toList(),
                "not delivered");
        assertEquals(List.of(), errors(), "nothing given up on");
        assertTrue(standIn.batches().stream().allMatch(batch -> batch.size() <= 1000), "no request over 1000 records");
        long refused = standIn.requests().stream()
                .filter(r -> r.getResponse().getStatus() != 200)
                .count();
        assertTrue(
                refused >= 3,
                "the stand-in did misbehave: " + refused + " of "
                        + standIn.requests().size());
    }
}
