package org.disassociate.clevertap.model;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What became of the numbers of one durable file (an inbox file, or a spool file of the REST and JMS intakes): how many
 * were read, refused, processed by CleverTap, written to the error channel or set aside (in all, and for each account),
 * and how many are still on their way. It is done once the file has been read to its end ({@link #seal()}) and every
 * number read from it is settled.
 * <p>
 * The file is read in chunks ({@link Chunk}), and batches settle their numbers in any order; {@link #getSettledTo()} is
 * the low-water mark: the end of the last chunk that, like every chunk before it, has no number left unsettled. That is
 * where a checkpoint lets a crashed run resume, never past a number still on its way.
 */
public final class Settlement {

    private final String source;
    /** The trace of the file's intake, when traced: its run report names it, its batches link to it. */
    private final String traceparent = TraceContext.currentTraceparent();

    private final long startedNanos = System.nanoTime();
    private final Instant startedAt = Instant.now();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong failedInFailedBatches = new AtomicLong();
    private final AtomicLong setAside = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    /** What became of the numbers of each account, by its name. */
    private final Map<String, Counts> byAccount = new ConcurrentHashMap<>();

    private final CompletableFuture<Settlement> done = new CompletableFuture<>();
    private volatile boolean sealed;
    private volatile String unreadable;
    private volatile Instant firstBatchAt;
    private volatile Instant lastBatchAt;
    /** The chunks read and not yet settled with all before them, in read order; guarded by {@code this}. */
    private final Deque<Chunk> unsettled = new ArrayDeque<>();

    private volatile FilePosition resumedAt = FilePosition.START;
    private volatile FilePosition readBefore = FilePosition.START;
    private volatile FilePosition readTo = FilePosition.START;
    private volatile FilePosition settledTo = FilePosition.START;
    private final AtomicLong readAgain = new AtomicLong();
    private volatile Consumer<Settlement> onProgress = s -> {};

    public Settlement(String source) {
        this.source = source;
    }

    /** The {@code traceparent} of the file's intake span, or null when it is not traced. */
    public String getTraceparent() {
        return traceparent;
    }

    /**
     * The {@code source} of its numbers' error records: {@code file:<name>} for an inbox file; for a spool file, the
     * source its numbers were spooled with ({@code rest}, {@code jms}, {@code kamelet} or a kamelet message's
     * {@code CleverTapSource}).
     */
    public String getSource() {
        return source;
    }

    /**
     * The file is read from {@code position}: every value before it was settled by an earlier run, which had read up to
     * {@code readBefore} when its checkpoint was last saved.
     */
    public void resumeAt(FilePosition position, FilePosition readBefore) {
        this.resumedAt = position;
        this.readBefore = readBefore;
        this.readTo = position;
        this.settledTo = position;
    }

    /** Told of every advance of {@link #getSettledTo()}: the checkpoint's writer. */
    public void onProgress(Consumer<Settlement> listener) {
        this.onProgress = listener;
    }

    /**
     * A chunk ending at {@code end} was read; it is held unsettled until {@link Chunk#handled()}, even with no valid
     * number in it, so that the position never passes numbers on their way to the error channel.
     */
    public Chunk chunkRead(int values, FilePosition end) {
        return chunkRead(values, end, List.of());
    }

    /**
     * As {@link #chunkRead(int, FilePosition)}, for a chunk of a spool file whose lines came in the traces
     * {@code traceparents} (the requests and messages that a message intake spooled them for).
     */
    public Chunk chunkRead(int values, FilePosition end, List<String> traceparents) {
        Chunk chunk = new Chunk(end, values, traceparents);
        synchronized (this) {
            unsettled.addLast(chunk);
            readTo = end;
        }
        return chunk;
    }

    private void checked(Chunk chunk, int valid, int invalid) {
        accepted.addAndGet(valid);
        rejected.addAndGet(invalid);
        pending.addAndGet(valid);
        // the values an earlier run had read already: their valid numbers may reach CleverTap a second time
        long start = chunk.end.values() - chunk.values;
        long again = Math.min(chunk.end.values(), readBefore.values()) - start;
        if (again > 0) {
            readAgain.addAndGet(Math.min(again, valid));
        }
        synchronized (this) {
            chunk.unsettled += valid;
        }
    }

    private void settledIn(Chunk chunk, int numbers) {
        boolean advanced = false;
        synchronized (this) {
            chunk.unsettled -= numbers;
            while (!unsettled.isEmpty() && unsettled.peekFirst().unsettled == 0) {
                settledTo = unsettled.removeFirst().end;
                advanced = true;
            }
        }
        if (advanced) {
            onProgress.accept(this);
        }
    }

    /** A batch of {@code account} holding {@code processedNumbers + failedNumbers} of its numbers was settled. */
    private void settled(String account, int processedNumbers, int failedNumbers, boolean batchFailed, Instant at) {
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
        Counts counts = counts(account);
        counts.processed.addAndGet(processedNumbers);
        counts.failed.addAndGet(failedNumbers);
        if (batchFailed) {
            failedInFailedBatches.addAndGet(failedNumbers);
        }
        pending.addAndGet(-(processedNumbers + failedNumbers));
        completeIfDone();
    }

    /** {@code numbers} were set aside in their account's spool (its API was failing): its own reader sends them. */
    private void setAside(String account, int numbers) {
        setAside.addAndGet(numbers);
        counts(account).setAside.addAndGet(numbers);
        pending.addAndGet(-numbers);
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

    /**
     * Valid numbers set aside in their account's spool while that account's API failed, so that the file's other
     * accounts' numbers went on: they are sent from there, and not counted as processed here.
     */
    public long getSetAside() {
        return setAside.get();
    }

    /**
     * What became of the numbers that went to each account, by its name in alphabetical order: only the accounts that
     * some of its numbers went to.
     */
    public Map<String, AccountCounts> getAccounts() {
        Map<String, AccountCounts> accounts = new TreeMap<>();
        byAccount.forEach((name, counts) -> accounts.put(name, counts.now()));
        return accounts;
    }

    private Counts counts(String account) {
        return byAccount.computeIfAbsent(account == null ? "unknown" : account, name -> new Counts());
    }

    public long getPending() {
        return pending.get();
    }

    /** Where this run began to read the file: {@link FilePosition#START}, or the checkpoint of a run that crashed. */
    public FilePosition getResumedAt() {
        return resumedAt;
    }

    /** The end of the last chunk read. */
    public FilePosition getReadTo() {
        return readTo;
    }

    /** Every value before it is settled (processed by CleverTap or in the error channel). */
    public FilePosition getSettledTo() {
        return settledTo;
    }

    /**
     * Valid numbers read again after a resume that the crashed run had already read (by its last checkpoint): at most
     * these reached CleverTap before and are sent a second time.
     */
    public long getReadAgain() {
        return readAgain.get();
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
        return String.format(
                "%s: %d accepted, %d rejected as invalid, %d processed by CleverTap, %d to the error channel, "
                        + "%sin %d ms (%d numbers/s)%s",
                source,
                accepted.get(),
                rejected.get(),
                processed.get(),
                failed.get(),
                setAside.get() == 0 ? "" : setAside.get() + " set aside in the spool of an account whose API failed, ",
                millis,
                (accepted.get() + rejected.get()) * 1000 / Math.max(1, millis),
                byAccount());
    }

    /**
     * The counts of each account, as {@code ; india: 3 processed, 1 to the error channel; sea: …}, when the numbers
     * went to more than one; empty otherwise (the totals say it all).
     */
    public String byAccount() {
        Map<String, AccountCounts> accounts = getAccounts();
        if (accounts.size() < 2) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        accounts.forEach(
                (name, counts) -> text.append("; ").append(name).append(": ").append(counts));
        return text.toString();
    }

    /**
     * What became of the numbers of one account: processed by CleverTap, written to the error channel after they were
     * sent (refused by CleverTap, or in a batch that failed), and set aside in its spool while its API was failing.
     */
    public record AccountCounts(long processed, long failed, long setAside) {

        @Override
        public String toString() {
            return processed + " processed, " + failed + " to the error channel"
                    + (setAside == 0 ? "" : ", " + setAside + " set aside");
        }
    }

    private static final class Counts {
        private final AtomicLong processed = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong setAside = new AtomicLong();

        AccountCounts now() {
            return new AccountCounts(processed.get(), failed.get(), setAside.get());
        }
    }

    /**
     * A chunk of the file's values, from its read to the settlement of its last number. Its numbers carry it through
     * batching; a batch's settlement is counted on the chunks of its numbers.
     */
    public final class Chunk {
        private final FilePosition end;
        private final int values;
        private final List<String> traceparents;
        /** Valid numbers on their way, and 1 until the chunk is handled; guarded by the settlement. */
        private int unsettled = 1;

        private Chunk(FilePosition end, int values, List<String> traceparents) {
            this.end = end;
            this.values = values;
            this.traceparents = traceparents;
        }

        public Settlement getSettlement() {
            return Settlement.this;
        }

        /**
         * The traces its numbers came in: the file's own ({@link Settlement#getTraceparent()}), and for a spool file
         * those of the requests and messages whose numbers it holds. A batch's span links to them.
         */
        public List<String> getTraceparents() {
            if (traceparent == null) {
                return traceparents;
            }
            List<String> all = new ArrayList<>(traceparents.size() + 1);
            all.add(traceparent);
            all.addAll(traceparents);
            return all;
        }

        /** Validation made {@code valid} numbers of it that now go to batching, and refused {@code invalid}. */
        public void checked(int valid, int invalid) {
            Settlement.this.checked(this, valid, invalid);
        }

        /** Its refused numbers are in the error channel and its valid ones in batching: only batches hold it now. */
        public void handled() {
            settledIn(this, 1);
        }

        /** {@code numbers} of it were set aside in the spool of their {@code account}, durable there. */
        public void setAside(String account, int numbers) {
            Settlement.this.setAside(account, numbers);
            settledIn(this, numbers);
        }

        /** A batch of {@code account} settled {@code processed + failed} of its numbers. */
        public void settled(String account, int processed, int failed, boolean batchFailed, Instant at) {
            Settlement.this.settled(account, processed, failed, batchFailed, at);
            settledIn(this, processed + failed);
        }
    }
}
