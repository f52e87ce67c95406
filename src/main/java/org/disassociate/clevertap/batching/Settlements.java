package org.disassociate.clevertap.batching;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.disassociate.clevertap.model.CheckedNumbers;
import org.disassociate.clevertap.model.PhoneNumber;
import org.disassociate.clevertap.model.Settlement;
import org.disassociate.clevertap.model.Variables;

/**
 * The settlements of the durable files being worked: one is opened when a file is picked up, counts what validation
 * made of each chunk, and is forgotten once done. Progress lines, the pending-numbers gauge and the one-shot mode read
 * them here.
 */
public class Settlements {

    private final Set<Settlement> working = ConcurrentHashMap.newKeySet();
    private final List<List<Settlement>> watches = new ArrayList<>();

    /** A file was picked up; its numbers are tracked under {@code source} until they are all settled. */
    // the stage whenComplete returns only repeats the outcome that its callback handles itself
    @SuppressWarnings("FutureReturnValueIgnored")
    public Settlement open(@Variable(Variables.SOURCE) String source) {
        Settlement settlement = new Settlement(source);
        working.add(settlement);
        settlement.done().whenComplete((s, e) -> working.remove(settlement));
        synchronized (watches) {
            watches.forEach(watch -> watch.add(settlement));
        }
        return settlement;
    }

    /** What validation made of a chunk of the file: the valid numbers are pending from now on. */
    public void checked(@Variable(Variables.CHUNK) Settlement.Chunk chunk, @Body CheckedNumbers checked) {
        chunk.checked(checked.getValid().size(), checked.getInvalid().size());
    }

    /** The chunk's refused numbers are in the error channel, its valid ones in batching. */
    public void handled(@Variable(Variables.CHUNK) Settlement.Chunk chunk) {
        chunk.handled();
    }

    /** Numbers of one account set aside in its spool: settled in their files as such. */
    public void setAside(@Body List<PhoneNumber> numbers) {
        IdentityHashMap<Settlement.Chunk, Integer> byChunk = new IdentityHashMap<>();
        for (PhoneNumber number : numbers) {
            if (number.getChunk() != null) {
                byChunk.merge(number.getChunk(), 1, Integer::sum);
            }
        }
        String account = numbers.isEmpty() ? null : numbers.get(0).getAccount();
        byChunk.forEach((chunk, count) -> chunk.setAside(account, count));
    }

    /**
     * The file could not be read to its end (it goes to {@code .failed/}): no more numbers come from it, and the
     * numbers read before the failure settle as usual.
     */
    // sealed, not awaited here: the file's own route awaits its settlement
    @SuppressWarnings("FutureReturnValueIgnored")
    public void unreadable(
            @Variable(Variables.SETTLEMENT) Settlement settlement,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        if (settlement != null) {
            settlement.unreadable(cause == null ? null : cause.getMessage());
            settlement.seal();
        }
    }

    /** The files being worked now. */
    public Set<Settlement> working() {
        return Set.copyOf(working);
    }

    /** Numbers read from the files being worked and not yet settled. */
    public long pendingNumbers() {
        long pending = 0;
        for (Settlement settlement : working) {
            pending += settlement.getPending();
        }
        return pending;
    }

    /** Collects every settlement opened from now on, until {@link Watch#stop()}. */
    public Watch watch() {
        List<Settlement> opened = new ArrayList<>();
        synchronized (watches) {
            watches.add(opened);
        }
        return () -> {
            synchronized (watches) {
                watches.removeIf(watch -> watch == opened);
                return List.copyOf(opened);
            }
        };
    }

    /** The settlements opened while a watch ran. */
    @FunctionalInterface
    public interface Watch {
        List<Settlement> stop();
    }
}
