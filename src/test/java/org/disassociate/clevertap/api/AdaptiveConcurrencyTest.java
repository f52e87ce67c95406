package org.disassociate.clevertap.api;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** This instance's limit: halved by a 429 (once for one moment's 429s), raised by one for each window of successes. */
class AdaptiveConcurrencyTest {

    private static AdaptiveConcurrency upTo(int max) {
        AdaptiveConcurrency concurrency = new AdaptiveConcurrency();
        concurrency.setMaxInFlight(max);
        concurrency.setProbeMillis(3_600_000);
        return concurrency;
    }

    private static List<Long> begin(AdaptiveConcurrency concurrency, int requests) throws InterruptedException {
        List<Long> started = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            started.add(concurrency.begin());
        }
        return started;
    }

    @Test
    void the429sOfOneMomentHalveTheLimitOnceAndItNeverGoesBelowOne() throws InterruptedException {
        AdaptiveConcurrency concurrency = upTo(8);
        List<Long> eight = begin(concurrency, 8);

        for (long started : eight) {
            concurrency.ended(started, 429);
        }
        assertEquals(4, concurrency.limit(), "eight 429s to requests sent together: halved once");

        concurrency.ended(concurrency.begin(), 429);
        assertEquals(2, concurrency.limit());
        concurrency.ended(concurrency.begin(), 429);
        concurrency.ended(concurrency.begin(), 429);
        concurrency.ended(concurrency.begin(), 429);
        assertEquals(1, concurrency.limit(), "never below one");
    }

    @Test
    void eachWindowOfSuccessesAddsOneBackUpToOneBelowTheLimitThatGotThe429() throws InterruptedException {
        AdaptiveConcurrency concurrency = upTo(8);
        for (long started : begin(concurrency, 8)) {
            concurrency.ended(started, 429);
        }
        assertEquals(4, concurrency.limit());

        for (int window = 0; window < 20; window++) {
            for (long started : begin(concurrency, concurrency.limit())) {
                concurrency.ended(started, 200);
            }
        }
        assertEquals(7, concurrency.limit(), "back up by one a window, to one below the 8 that got the 429");
    }

    @Test
    void withoutA429TheLimitStaysAtMaxInFlightAndAnAnswerlessEndChangesNothing() throws InterruptedException {
        AdaptiveConcurrency concurrency = upTo(3);
        for (long started : begin(concurrency, 3)) {
            concurrency.ended(started, 200);
        }
        concurrency.ended(concurrency.begin(), 0);
        concurrency.ended(concurrency.begin(), 500);
        assertEquals(3, concurrency.limit());
    }
}
