package org.disassociate.clevertap.batching;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.disassociate.clevertap.model.ChunkSize;
import org.disassociate.clevertap.model.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batches filled from chunks of valid numbers: complete once there is no room for another chunk, never overfull. */
class BatchFillingTest {

    private final CamelContext context = new DefaultCamelContext();
    private final BatchFilling filling = new BatchFilling();
    private int chunksMade;

    @AfterEach
    void closeContext() throws Exception {
        context.close();
    }

    @Test
    void aBatchOfFullChunksCompletesAtExactlyOneThousandNumbers() {
        int chunk = ChunkSize.forBatchSize(1000);
        Exchange batch = null;
        for (int i = 1; i < 1000 / chunk; i++) {
            batch = filling.aggregate(batch, chunk(chunk));
            assertFalse(
                    complete(batch), "complete at " + numbers(batch).size() + " numbers, with room for another chunk");
        }

        batch = filling.aggregate(batch, chunk(chunk));

        assertTrue(complete(batch));
        assertEquals(1000, numbers(batch).size());
    }

    @Test
    void aBatchWithNoRoomForAnotherChunkIsCompleteBeforeItIsFull() {
        filling.setBatchSize(10);
        // chunks of at most ChunkSize.forBatchSize(10) = 2: at 9 another chunk of 2 would not fit
        Exchange batch = filling.aggregate(null, chunk(2));
        batch = filling.aggregate(batch, chunk(2));
        batch = filling.aggregate(batch, chunk(2));
        batch = filling.aggregate(batch, chunk(2));
        assertFalse(complete(batch), "8 of 10: room for a chunk of 2");

        batch = filling.aggregate(batch, chunk(1));

        assertTrue(complete(batch), "9 of 10: no room for a chunk of 2");
        assertEquals(9, numbers(batch).size());
    }

    @Test
    void aBatchWithRoomForAFullChunkStaysOpen() {
        Exchange batch = null;
        for (int i = 0; i < 4; i++) {
            batch = filling.aggregate(batch, chunk(200));
        }
        assertFalse(complete(batch), "800 of 1000: room for a chunk of 200");

        batch = filling.aggregate(batch, chunk(1));
        assertTrue(complete(batch), "801 of 1000: a chunk of 200 would not fit");
    }

    @Test
    void theFirstChunkBecomesTheBatchWithItsNumbersInOrder() {
        Exchange first = chunk(3);
        Exchange second = chunk(2);

        Exchange batch = filling.aggregate(filling.aggregate(null, first), second);

        assertEquals(
                List.of("c1-0", "c1-1", "c1-2", "c2-0", "c2-1"),
                numbers(batch).stream().map(PhoneNumber::getInput).toList());
    }

    @Test
    void noBatchExceedsTheBatchSizeAndNoChunkIsSplit() {
        int batchSize = 1000;
        int chunkSize = ChunkSize.forBatchSize(batchSize);
        Random random = new Random(20240607);
        List<List<PhoneNumber>> batches = new ArrayList<>();
        Exchange open = null;
        for (int i = 0; i < 500; i++) {
            // as the file reader makes them: mostly full, a short one at the end of a file
            open = filling.aggregate(open, chunk(random.nextInt(4) == 0 ? 1 + random.nextInt(chunkSize) : chunkSize));
            if (complete(open)) {
                batches.add(numbers(open));
                open = null;
            }
        }

        assertTrue(batches.size() > 50, batches.size() + " batches");
        for (int i = 0; i < batches.size(); i++) {
            List<PhoneNumber> batch = batches.get(i);
            assertTrue(batch.size() <= batchSize, "a batch of " + batch.size());
            assertTrue(
                    batch.size() > batchSize - chunkSize,
                    "a complete batch of " + batch.size() + " had room for a chunk");
            // a chunk's numbers are c<chunk>-0 … c<chunk>-(n-1): each batch starts a chunk, and the next starts another
            assertTrue(
                    batch.get(0).getInput().endsWith("-0"),
                    "a batch starting inside a chunk: " + batch.get(0).getInput());
            if (i + 1 < batches.size()) {
                PhoneNumber last = batch.get(batch.size() - 1);
                assertFalse(
                        chunkOf(last).equals(chunkOf(batches.get(i + 1).get(0))),
                        "a chunk split after " + last.getInput());
            }
        }
    }

    private Exchange chunk(int size) {
        int id = ++chunksMade;
        Exchange exchange = new DefaultExchange(context);
        // as accept-numbers hands them: a list it does not expect to be changed
        exchange.getMessage()
                .setBody(IntStream.range(0, size)
                        .mapToObj(i -> PhoneNumber.accepted(
                                "c" + id + "-" + i, "+91986001" + String.format("%04d", i), "rest", null))
                        .toList());
        return exchange;
    }

    private static String chunkOf(PhoneNumber number) {
        return number.getInput().substring(0, number.getInput().indexOf('-'));
    }

    private static boolean complete(Exchange batch) {
        return Boolean.TRUE.equals(batch.getProperty(ExchangePropertyKey.AGGREGATION_COMPLETE_CURRENT_GROUP));
    }

    @SuppressWarnings("unchecked")
    private static List<PhoneNumber> numbers(Exchange batch) {
        return batch.getMessage().getBody(List.class);
    }
}
