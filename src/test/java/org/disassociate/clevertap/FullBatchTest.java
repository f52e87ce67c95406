package org.disassociate.clevertap;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;

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
        await("one request within " + AT_ONCE.toSeconds() + " s of the drop").atMost(AT_ONCE).until(() -> standIn.requests().size() == 1);
        long arrived = standIn.requests().get(0).getRequest().getLoggedDate().getTime();
        assertTrue(arrived - dropped < AT_ONCE.toMillis(), "sent " + (arrived - dropped) + " ms after the drop");
    }

    @Nested
    class BatchSize1000 extends ApplicationTestSupport {

        @Override
        protected Properties overrides() {
            return settings(1000);
        }

        @Test
        void aFileOf1000NumbersIsOneRequestSentAtOnce() {
            long dropped = System.currentTimeMillis();
            drop("thousand.txt", numbers(1000, 40_000));

            awaitOneRequestAtOnce(dropped);
            awaitDone("thousand.txt");

            assertEquals(1, standIn.requests().size(), "one request for the whole file");
            List<String> sent = standIn.batches().get(0);
            assertEquals(1000, sent.size());
            assertEquals(1000, new HashSet<>(sent).size());
            for (int i = 0; i < 1000; i++) {
                assertTrue(sent.contains(indian(40_000 + i)), "missing " + indian(40_000 + i));
            }
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
            long dropped = System.currentTimeMillis();
            drop("ten.txt", numbers(10, 50_000));

            awaitOneRequestAtOnce(dropped);
            awaitDone("ten.txt");

            assertEquals(1, standIn.requests().size());
            assertEquals(List.of(numbers(10, 50_000).split("\n")), standIn.batches().get(0));
        }
    }
}
