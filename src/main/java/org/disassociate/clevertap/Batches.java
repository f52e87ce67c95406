package org.disassociate.clevertap;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/** Opens batches with an id that names this run, and settles their numbers on their submissions when they are done. */
public class Batches {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();
    private ServiceMetrics metrics = new ServiceMetrics();

    public void setMetrics(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    public Batch open(@Body List<PhoneNumber> numbers) {
        metrics.batchOpened();
        return new Batch(run + "-" + sequence.incrementAndGet(), numbers);
    }

    /** Every number of the batch has left: processed, or written to the error channel. */
    public void settle(@ExchangeProperty("batch") Batch batch) {
        Instant now = Instant.now();
        int processed = 0;
        Submission last = null;
        for (PhoneNumber number : batch.getNumbers()) {
            boolean wasProcessed = !batch.hasFailed(number.getE164());
            if (wasProcessed) {
                processed++;
            }
            Submission submission = number.getSubmission();
            if (submission != null) {
                if (submission != last) {
                    submission.batchSettled(now);
                    last = submission;
                }
                submission.settled(wasProcessed);
            }
        }
        metrics.batchSettled(batch.size(), processed);
    }
}
