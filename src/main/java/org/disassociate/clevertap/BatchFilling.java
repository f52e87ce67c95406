package org.disassociate.clevertap;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Fills batches from chunks of valid numbers. A chunk is never split: when it would take the open batch past
 * {@code clevertap.batch-size}, the open batch is completed first and the chunk opens the next one. Chunks are small
 * ({@link PhoneListReader}) so batches still come out nearly full.
 */
public class BatchFilling implements AggregationStrategy {

    private int batchSize = 1000;

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    @Override
    public Exchange aggregate(Exchange open, Exchange chunk) {
        List<PhoneNumber> numbers = numbers(chunk);
        if (open == null) {
            List<PhoneNumber> batch = new ArrayList<>(batchSize);
            batch.addAll(numbers);
            chunk.getMessage().setBody(batch);
            return chunk;
        }
        numbers(open).addAll(numbers);
        return open;
    }

    @Override
    public boolean canPreComplete() {
        return true;
    }

    /** The open batch is sent as it is when the chunk does not fit in it. */
    @Override
    public boolean preComplete(Exchange open, Exchange chunk) {
        return open != null && numbers(open).size() + numbers(chunk).size() > batchSize;
    }

    @SuppressWarnings("unchecked")
    private static List<PhoneNumber> numbers(Exchange exchange) {
        return exchange.getMessage().getBody(List.class);
    }
}
