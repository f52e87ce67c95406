package org.disassociate.clevertap.batching;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.disassociate.clevertap.model.ChunkSize;
import org.disassociate.clevertap.model.PhoneNumber;

/**
 * Fills batches from chunks of valid numbers, and decides when a batch is complete: as soon as it has no room for
 * another chunk ({@link ChunkSize#forBatchSize(int)} numbers at most), so a full batch goes at once. A chunk is never split, and a
 * batch never exceeds {@code clevertap.batch-size}: it is at least {@code batch-size - chunk size + 1} numbers, exactly
 * {@code batch-size} when the chunks are full (1000 from a file of valid numbers). A batch that has not filled goes
 * after the aggregator's completion timeout.
 * <p>
 * The aggregator asks a strategy that pre-completes nothing else (neither a completion predicate nor the
 * complete-current-group property), so this one does not pre-complete: it completes after aggregating.
 */
public class BatchFilling implements AggregationStrategy {

    private int batchSize = 1000;

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    @Override
    public Exchange aggregate(Exchange open, Exchange chunk) {
        Exchange batch = open;
        if (batch == null) {
            List<PhoneNumber> numbers = new ArrayList<>(batchSize);
            numbers.addAll(numbers(chunk));
            chunk.getMessage().setBody(numbers);
            batch = chunk;
        } else {
            numbers(batch).addAll(numbers(chunk));
        }
        if (numbers(batch).size() > batchSize - ChunkSize.forBatchSize(batchSize)) {
            batch.setProperty(ExchangePropertyKey.AGGREGATION_COMPLETE_CURRENT_GROUP, true);
        }
        return batch;
    }

    @SuppressWarnings("unchecked")
    private static List<PhoneNumber> numbers(Exchange exchange) {
        return exchange.getMessage().getBody(List.class);
    }
}
