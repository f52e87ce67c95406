package org.disassociate.clevertap.batching;

import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.disassociate.clevertap.model.Batch;
import org.disassociate.clevertap.model.ErrorRecord;
import org.disassociate.clevertap.model.PhoneNumber;
import org.disassociate.clevertap.model.Settlement;
import org.disassociate.clevertap.model.Variables;

/**
 * Opens batches with an id that names this run, and settles their numbers when they are done: on the chunks of the files
 * they were read from, and for the REST callers waiting for them.
 */
public class Batches {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();
    private WaitingRequests waitingRequests;

    public void setWaitingRequests(WaitingRequests waitingRequests) {
        this.waitingRequests = waitingRequests;
    }

    public Batch open(@Body List<PhoneNumber> numbers) {
        return new Batch(run + "-" + sequence.incrementAndGet(), numbers);
    }

    /**
     * CleverTap answered the batch: the numbers it listed as unprocessed (now in the error channel) failed, every other
     * number was processed.
     */
    public Outcome answered(
            @Variable(Variables.BATCH) Batch batch, @Variable(Variables.UNPROCESSED) List<ErrorRecord> unprocessed) {
        return settle(batch, unprocessed, false);
    }

    /** The batch failed as a whole (refused, or not taken after every retry); its numbers' records are in the error channel. */
    public Outcome failed(
            @Variable(Variables.BATCH) Batch batch, @Variable(Variables.ERROR_RECORDS) List<ErrorRecord> records) {
        return settle(batch, records, true);
    }

    private Outcome settle(Batch batch, List<ErrorRecord> failures, boolean batchFailed) {
        Map<String, ErrorRecord> failed = new HashMap<>();
        if (failures != null) {
            failures.forEach(record -> failed.putIfAbsent(record.record().value(), record));
        }
        Instant now = Instant.now();
        int processed = 0;
        IdentityHashMap<Settlement.Chunk, int[]> byChunk = new IdentityHashMap<>();
        for (PhoneNumber number : batch.getNumbers()) {
            ErrorRecord failure = failed.get(number.getE164());
            if (failure == null) {
                processed++;
            }
            Settlement.Chunk chunk = number.getChunk();
            if (chunk != null) {
                byChunk.computeIfAbsent(chunk, c -> new int[2])[failure == null ? 0 : 1]++;
            }
            waitingRequests.settled(number.getE164(), failure, batchFailed);
        }
        byChunk.forEach((chunk, counts) -> chunk.settled(batch.getAccount(), counts[0], counts[1], batchFailed, now));
        return new Outcome(processed, batch.size() - processed);
    }

    /** How many numbers of a settled batch CleverTap processed, and how many went to the error channel. */
    public record Outcome(int processed, int failed) {}
}
