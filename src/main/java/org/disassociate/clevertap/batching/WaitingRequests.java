package org.disassociate.clevertap.batching;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Body;
import org.disassociate.clevertap.model.CheckedNumbers;
import org.disassociate.clevertap.model.ErrorRecord;
import org.disassociate.clevertap.model.PhoneNumber;
import org.disassociate.clevertap.model.WaitingRequest;

/**
 * The REST requests whose callers wait for CleverTap's answer, by the numbers they wait for. A request is registered
 * before its numbers are spooled; each of its numbers is then settled by the first batch holding that number that
 * settles (its own copy, or another caller's or file's copy of the same number, sent after it arrived). Numbers from
 * many waiting callers travel in the same shared batches as every other number.
 */
public class WaitingRequests {

    private final Map<String, Set<WaitingRequest>> byValue = new ConcurrentHashMap<>();

    /** Registers a request for its valid numbers; done at once when it has none. */
    public WaitingRequest register(@Body CheckedNumbers checked) {
        Set<String> values = new LinkedHashSet<>();
        for (PhoneNumber number : checked.getValid()) {
            values.add(number.getE164());
        }
        WaitingRequest request = new WaitingRequest(values);
        for (String value : values) {
            byValue.compute(value, (v, waiting) -> {
                Set<WaitingRequest> set = waiting == null ? new HashSet<>() : waiting;
                set.add(request);
                return set;
            });
        }
        return request;
    }

    /** The caller stopped waiting: its numbers are delivered as any others, nobody hears of them. */
    public void forget(WaitingRequest request) {
        for (String value : request.pendingValues()) {
            byValue.computeIfPresent(value, (v, waiting) -> {
                waiting.remove(request);
                return waiting.isEmpty() ? null : waiting;
            });
        }
    }

    /** A number was settled: processed when {@code failure} is null, else written to the error channel with it. */
    void settled(String value, ErrorRecord failure, boolean batchFailed) {
        if (byValue.isEmpty()) {
            return;
        }
        Set<WaitingRequest> waiting = byValue.remove(value);
        if (waiting != null) {
            for (WaitingRequest request : new HashSet<>(waiting)) {
                request.settled(value, failure, batchFailed);
            }
        }
    }
}
