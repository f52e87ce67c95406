package org.disassociate.clevertap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.disassociate.clevertap.model.IntakeReply.Rejection;

/**
 * One unit of intake (a file, a REST request) and its account: how many numbers it brought, how many were rejected,
 * and how many of the accepted ones are still on their way to CleverTap. The intake that opened it is told once every
 * accepted number has been settled, that is processed by CleverTap or written to the error channel.
 */
public final class Submission {

    /** Rejections kept for the REST answer; a file's go to the error channel only. */
    private static final int MAX_KEPT_REJECTIONS = 10_000;

    private final String source;
    private final String intake;
    private final boolean fromSpool;
    private final boolean keepRejections;
    private final long startedNanos = System.nanoTime();
    private final Instant startedAt = Instant.now();
    private volatile Instant firstBatchAt;
    private volatile Instant lastBatchAt;
    private final List<Rejection> rejections = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private boolean sealed;
    private Runnable onSettled;

    Submission(String source, String intake, boolean fromSpool, boolean keepRejections) {
        this.source = source;
        this.intake = intake;
        this.fromSpool = fromSpool;
        this.keepRejections = keepRejections;
    }

    public static Submission ofFile(@Header(Exchange.FILE_NAME) String fileName) {
        return new Submission("file:" + fileName, "file", false, false);
    }

    /**
     * A spool file, named {@code <intake>-<id>.txt} by the intake that wrote it: its numbers keep that intake as their
     * source ({@code rest}, {@code jms}).
     */
    public static Submission ofSpoolFile(@Header(Exchange.FILE_NAME) String fileName) {
        int dash = fileName.indexOf('-');
        String intake = dash > 0 ? fileName.substring(0, dash) : "spool";
        return new Submission(intake, intake, true, false);
    }

    public static Submission ofRest() {
        return new Submission("rest", "rest", false, true);
    }

    public static Submission ofJms() {
        return new Submission("jms", "jms", false, false);
    }

    public String getSource() {
        return source;
    }

    /** {@code file}, {@code rest} or {@code jms}. */
    public String getIntake() {
        return intake;
    }

    /**
     * Whether this is where its numbers entered the service. A spool file's numbers were counted by the REST request or
     * JMS message that wrote them.
     */
    public boolean isCountedAtIntake() {
        return !fromSpool;
    }

    /** Whether its valid numbers go to batching now: a file's and a spool file's do; a message's are spooled first. */
    public boolean isBatched() {
        return fromSpool || "file".equals(intake);
    }

    /** A batch holding numbers of this submission was settled. */
    public void batchSettled(Instant at) {
        if (firstBatchAt == null) {
            synchronized (this) {
                if (firstBatchAt == null) {
                    firstBatchAt = at;
                }
            }
        }
        lastBatchAt = at;
    }

    /** A valid number was handed to batching: it is pending until settled. */
    public void accepted() {
        accepted.incrementAndGet();
        pending.incrementAndGet();
    }

    /** A number failed validation (it is written to the error channel by the caller). */
    public void rejected(String value, String error) {
        rejected.incrementAndGet();
        if (keepRejections && rejections.size() < MAX_KEPT_REJECTIONS) {
            rejections.add(new Rejection(value, error));
        }
    }

    /** An accepted number has left the service: processed by CleverTap, or written to the error channel. */
    public void settled(boolean wasProcessed) {
        (wasProcessed ? processed : failed).incrementAndGet();
        if (pending.decrementAndGet() == 0) {
            Runnable callback;
            synchronized (this) {
                callback = sealed ? onSettled : null;
                onSettled = null;
            }
            if (callback != null) {
                callback.run();
            }
        }
    }

    /**
     * No more numbers will come. Returns true when every number is settled already; otherwise {@code whenSettled} runs
     * once the last one is.
     */
    public boolean seal(Runnable whenSettled) {
        synchronized (this) {
            sealed = true;
            if (pending.get() == 0) {
                return true;
            }
            onSettled = whenSettled;
            return false;
        }
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

    public long getPending() {
        return pending.get();
    }

    public boolean isSealed() {
        synchronized (this) {
            return sealed;
        }
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

    public List<Rejection> getRejections() {
        synchronized (rejections) {
            return List.copyOf(rejections);
        }
    }

    public String summary() {
        long millis = getElapsedMillis();
        return String.format("%s: %d accepted, %d rejected as invalid, %d processed by CleverTap, %d to the error channel, "
                + "in %d ms (%d numbers/s)", source, accepted.get(), rejected.get(), processed.get(), failed.get(), millis,
                (accepted.get() + rejected.get()) * 1000 / Math.max(1, millis));
    }
}
