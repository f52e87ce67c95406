package org.disassociate.clevertap;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/** Opens batches with an id that names this run, and settles their numbers on their submissions when they are done. */
public class Batches {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();

    public Batch open(@Body List<PhoneNumber> numbers) {
        return new Batch(run + "-" + sequence.incrementAndGet(), numbers);
    }

    /** Every number of the batch has left: processed, or written to the error channel. */
    public void settle(@ExchangeProperty("batch") Batch batch) {
        for (PhoneNumber number : batch.getNumbers()) {
            if (number.getSubmission() != null) {
                number.getSubmission().settled(!batch.hasFailed(number.getE164()));
            }
        }
    }
}
