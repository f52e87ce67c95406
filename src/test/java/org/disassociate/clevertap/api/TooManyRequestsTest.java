package org.disassociate.clevertap.api;

import java.util.HashSet;
import java.util.List;
import java.util.Properties;

import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An account that allows fewer requests at once than clevertap.max-in-flight: its 429s come at the start only, then this
 * instance sends as many at once as the account takes, and every number is delivered.
 */
class TooManyRequestsTest extends ApplicationTestSupport {

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        p.setProperty("clevertap.max-in-flight", "6");
        p.setProperty("clevertap.batch-size", "100");
        p.setProperty("clevertap.retry.max-attempts", "20");
        return p;
    }

    @Test
    void the429sComeAtTheStartOnlyAndEveryNumberIsDelivered() {
        standIn.accountAllows(2, 100);

        drop("many.txt", numbers(8000, 70_000));
        awaitDone("many.txt");

        assertEquals(8000, new HashSet<>(standIn.delivered()).size(), "every number delivered");
        List<Integer> statuses = standIn.statusesInOrder();
        int last429 = statuses.lastIndexOf(429);
        assertTrue(standIn.tooManyAnswered() > 0, "the account allows 2 and 6 were sent at first");
        assertTrue(
                last429 < 20,
                "the last 429 was answer " + (last429 + 1) + " of " + statuses.size()
                        + " (the 80 batches then went at the account's pace): " + statuses);
    }
}
