package org.disassociate.clevertap.batching;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What became of the numbers of one durable file (an inbox file, or a spool file of the REST and JMS intakes): how many
 * were read, refused, processed by CleverTap or written to the error channel, and how many are still on their way. It
 * is done once the file has been read to its end ({@link #seal()}) and every number read from it is settled.
 */
public final class Settlement {

    private final String source;
    private final long startedNanos = System.nanoTime();
    private final Instant startedAt = Instant.now();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong failedInFailedBatches = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final CompletableFuture<Settlement> done = new CompletableFuture<>();
    private volatile boolean sealed;
    private volatile String unreadable;
    private volatile Instant firstBatchAt;
    private volatile Instant lastBatchAt;

    Settlement(String source) {
        this.source = source;
    }

    /** The {@code source} of its numbers' error records: {@code file:<name>}, or the intake of a spool file. */
    public String getSource() {
        return source;
    }

    /** A chunk was validated: its valid numbers go to batching and are pending until settled. */
    void checked(int valid, int invalid) {
        accepted.addAndGet(valid);
        rejected.addAndGet(invalid);
        pending.addAndGet(valid);
    }

    /** A batch holding {@code processedNumbers + failedNumbers} of its numbers was settled. */
    void settled(int processedNumbers, int failedNumbers, boolean batchFailed, Instant at) {
        if (firstBatchAt == null) {
            synchronized (this) {
                if (firstBatchAt == null) {
                    firstBatchAt = at;
                }
            }
        }
        lastBatchAt = at;
        processed.addAndGet(processedNumbers);
        failed.addAndGet(failedNumbers);
        if (batchFailed) {
            failedInFailedBatches.addAndGet(failedNumbers);
        }
        pending.addAndGet(-(processedNumbers + failedNumbers));
        completeIfDone();
    }

    /** The file could not be read to its end; the numbers read before that are settled as usual. */
    public void unreadable(String reason) {
        unreadable = reason == null ? "unknown" : reason;
    }

    /** No more numbers will come: done once every number read is settled (at once when none is pending). */
    public CompletableFuture<Settlement> seal() {
        sealed = true;
        completeIfDone();
        return done;
    }

    private void completeIfDone() {
        // seal() and the last settled() may run at once: each checks both conditions after setting its own
        if (sealed && pending.get() == 0) {
            done.complete(this);
        }
    }

    /** Completes when the file was read to its end (or could not be) and each of its numbers is settled. */
    public CompletableFuture<Settlement> done() {
        return done;
    }

    public boolean isSealed() {
        return sealed;
    }

    public boolean isDone() {
        return done.isDone();
    }

    public long getAccepted() {
        return accepted.get();
    }

    public long getRejected() {
        return rejected.get();
    }

    public long getProcessed() {
        return processed.get();
    }

    public long getFailed() {
        return failed.get();
    }

    /** Numbers of batches that failed as a whole: CleverTap refused the account, or could not be reached. */
    public long getFailedInFailedBatches() {
        return failedInFailedBatches.get();
    }

    public long getPending() {
        return pending.get();
    }

    /** Why the file could not be read to its end; null when it could. */
    public String getUnreadable() {
        return unreadable;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFirstBatchAt() {
        return firstBatchAt;
    }

    public Instant getLastBatchAt() {
        return lastBatchAt;
    }

    public long getElapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    public String summary() {
        long millis = getElapsedMillis();
        return String.format("%s: %d accepted, %d rejected as invalid, %d processed by CleverTap, %d to the error channel, "
                + "in %d ms (%d numbers/s)", source, accepted.get(), rejected.get(), processed.get(), failed.get(), millis,
                (accepted.get() + rejected.get()) * 1000 / Math.max(1, millis));
    }
}
