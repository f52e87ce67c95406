package org.disassociate.clevertap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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
    private final boolean keepRejections;
    private final long startedNanos = System.nanoTime();
    private final List<Rejection> rejections = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private boolean sealed;
    private Runnable onSettled;

    public Submission(String source, boolean keepRejections) {
        this.source = source;
        this.keepRejections = keepRejections;
    }

    public static Submission ofFile(String fileName) {
        return new Submission("file:" + fileName, false);
    }

    /**
     * A spool file, named {@code <intake>-<id>.txt} by the intake that wrote it: its numbers keep that intake as their
     * source ({@code rest}, {@code jms}).
     */
    public static Submission ofSpoolFile(String fileName) {
        int dash = fileName.indexOf('-');
        return new Submission(dash > 0 ? fileName.substring(0, dash) : "spool", false);
    }

    public static Submission ofRest() {
        return new Submission("rest", true);
    }

    public static Submission ofJms() {
        return new Submission("jms", false);
    }

    public String getSource() {
        return source;
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

    public List<Rejection> getRejections() {
        synchronized (rejections) {
            return List.copyOf(rejections);
        }
    }

    public String summary() {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        return String.format("%s: %d accepted, %d rejected as invalid, %d processed by CleverTap, %d to the error channel, in %d ms",
                source, accepted.get(), rejected.get(), processed.get(), failed.get(), millis);
    }
}
