package org.disassociate.clevertap.api;

import java.util.HashSet;
import java.util.Properties;

import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** clevertap.max-in-flight requests at once: used in full, never exceeded. */
class MaxInFlightTest extends ApplicationTestSupport {

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        p.setProperty("clevertap.max-in-flight", "2");
        p.setProperty("clevertap.batch-size", "100");
        return p;
    }

    @Test
    void twoRequestsAreInFlightAtOnceAndNeverMore() {
        standIn.answerAfter(300);

        drop("many.txt", numbers(2000, 60_000));
        awaitDone("many.txt");

        assertEquals(20, standIn.requests().size(), "2000 numbers in batches of 100");
        assertEquals(2000, new HashSet<>(standIn.allValues()).size());
        // >= 2: batches are sent concurrently; <= 2: never more than max-in-flight
        assertEquals(2, standIn.maxConcurrentRequests(), "requests overlapping at the stand-in");
    }
}
