package org.disassociate.clevertap.batching;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch that has filled goes at once: it does not wait out the quiet timeout (30 s here), which is only for batches
 * that have not filled. One nested class a batch size: the application's settings are fixed per test class.
 */
class FullBatchTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    private static Properties settings(int batchSize) {
        Properties p = new Properties();
        p.setProperty("clevertap.batch-timeout-ms", "30000");
        p.setProperty("clevertap.batch-size", String.valueOf(batchSize));
        return p;
    }

    /** Waits for the one request of a file dropped at {@code dropped}, and says it came within {@link #AT_ONCE}. */
    private static void awaitOneRequestAtOnce(long dropped) {
        CleverTapStandIn standIn = ApplicationTestSupport.standIn;
        await("one request within " + AT_ONCE.toSeconds() + " s of the drop")
                .atMost(AT_ONCE)
                .until(() -> standIn.requests().size() == 1);
        long arrived = standIn.requests()
                .get(0)
                .getRequest()
                .getLoggedDate()
                .toInstant()
                .toEpochMilli();
        assertTrue(arrived - dropped < AT_ONCE.toMillis(), "sent " + (arrived - dropped) + " ms after the drop");
    }

    /**
     * A file of exactly a batch of numbers reaches the stand-in as one request, at once, holding every one of them in
     * the file's order.
     */
    private static void assertSentAsOneRequestAtOnce(ApplicationTestSupport test, String name, int count, long first) {
        long dropped = System.currentTimeMillis();
        test.drop(name, ApplicationTestSupport.numbers(count, first));

        awaitOneRequestAtOnce(dropped);
        test.awaitDone(name);

        CleverTapStandIn standIn = ApplicationTestSupport.standIn;
        assertEquals(1, standIn.requests().size(), "one request for the whole file");
        // a file's chunks are checked one after the other: the batch holds the file's numbers in the file's order
        assertEquals(
                List.of(ApplicationTestSupport.numbers(count, first).split("\n")),
                standIn.batches().get(0));
    }

    @Nested
    class BatchSize1000 extends ApplicationTestSupport {

        @Override
        protected Properties overrides() {
            return settings(1000);
        }

        @Test
        void aFileOf1000NumbersIsOneRequestSentAtOnce() {
            assertSentAsOneRequestAtOnce(this, "thousand.txt", 1000, 40_000);
        }
    }

    @Nested
    class BatchSize10 extends ApplicationTestSupport {

        @Override
        protected Properties overrides() {
            return settings(10);
        }

        @Test
        void aFileOfTenNumbersIsOneRequestSentAtOnce() {
            assertSentAsOneRequestAtOnce(this, "ten.txt", 10, 50_000);
        }
    }
}
