package org.disassociate.clevertap.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A REST request whose caller waits for CleverTap's answer ({@code Prefer: wait}): the distinct numbers it is waiting
 * for, and what became of each. Done when every one is settled: processed by CleverTap, or written to the error channel.
 */
public final class WaitingRequest {

    private final Set<String> pending;
    private final List<ErrorRecord> refused = new ArrayList<>();
    private final List<ErrorRecord> notAnswered = new ArrayList<>();
    private final CompletableFuture<WaitingRequest> done = new CompletableFuture<>();
    private long processed;

    public WaitingRequest(Set<String> values) {
        this.pending = new HashSet<>(values);
        if (pending.isEmpty()) {
            done.complete(this);
        }
    }

    public synchronized Set<String> pendingValues() {
        return Set.copyOf(pending);
    }

    /**
     * A number of the request settled: processed when {@code failure} is null, else written to the error channel, as
     * CleverTap refused it or, when {@code batchFailed}, as its batch failed as a whole.
     */
    public void settled(String value, ErrorRecord failure, boolean batchFailed) {
        synchronized (this) {
            if (!pending.remove(value)) {
                return;
            }
            if (failure == null) {
                processed++;
            } else {
                (batchFailed ? notAnswered : refused).add(failure);
            }
            if (!pending.isEmpty()) {
                return;
            }
        }
        done.complete(this);
    }

    public CompletableFuture<WaitingRequest> done() {
        return done;
    }

    public synchronized long getProcessed() {
        return processed;
    }

    /** The numbers CleverTap refused, each with its error-channel record (CleverTap's code and text). */
    public synchronized List<ErrorRecord> getRefused() {
        return List.copyOf(refused);
    }

    /** The numbers of batches that failed as a whole, each with its error-channel record. */
    public synchronized List<ErrorRecord> getNotAnswered() {
        return List.copyOf(notAnswered);
    }
}
