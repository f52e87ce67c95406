package org.disassociate.clevertap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.disassociate.clevertap.model.DisassociateRequest;
import org.disassociate.clevertap.model.Identity;

/**
 * A group of at most {@code clevertap.batch-size} numbers sent in one request. A number that came twice is sent once;
 * its outcome settles both.
 */
public final class Batch {

    private final String id;
    private final List<PhoneNumber> numbers;
    private final Set<String> failed = ConcurrentHashMap.newKeySet();

    public Batch(String id, List<PhoneNumber> numbers) {
        this.id = id;
        this.numbers = List.copyOf(numbers);
    }

    public String getId() {
        return id;
    }

    public List<PhoneNumber> getNumbers() {
        return numbers;
    }

    /** The distinct E.164 values, each with every number that carries it. */
    public Map<String, List<PhoneNumber>> byValue() {
        Map<String, List<PhoneNumber>> byValue = new LinkedHashMap<>();
        for (PhoneNumber number : numbers) {
            byValue.computeIfAbsent(number.getE164(), v -> new java.util.ArrayList<>(1)).add(number);
        }
        return byValue;
    }

    public DisassociateRequest toRequest() {
        return new DisassociateRequest(byValue().keySet().stream().map(Identity::phone).toList());
    }

    public void markFailed(String e164) {
        failed.add(e164);
    }

    public void markAllFailed() {
        numbers.forEach(n -> failed.add(n.getE164()));
    }

    public boolean hasFailed(String e164) {
        return failed.contains(e164);
    }

    public int size() {
        return numbers.size();
    }

    @Override
    public String toString() {
        return "batch " + id + " (" + numbers.size() + " numbers)";
    }
}
