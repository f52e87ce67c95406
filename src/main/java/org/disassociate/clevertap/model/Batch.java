package org.disassociate.clevertap.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group of at most {@code clevertap.batch-size} numbers sent in one request. A number that came twice is sent once;
 * its outcome settles both.
 */
public final class Batch {

    private final String id;
    private final String account;
    private final List<PhoneNumber> numbers;

    /** A batch of {@code numbers}, every one of them on its way to the same account. */
    public Batch(String id, List<PhoneNumber> numbers) {
        this.id = id;
        this.numbers = List.copyOf(numbers);
        this.account = this.numbers.isEmpty() ? null : this.numbers.get(0).getAccount();
    }

    public String getId() {
        return id;
    }

    /** The name of the account its numbers go to (a batch never mixes accounts). */
    public String getAccount() {
        return account;
    }

    public List<PhoneNumber> getNumbers() {
        return numbers;
    }

    /** The distinct E.164 values, each with every number that carries it. */
    public Map<String, List<PhoneNumber>> byValue() {
        Map<String, List<PhoneNumber>> byValue = new LinkedHashMap<>();
        for (PhoneNumber number : numbers) {
            byValue.computeIfAbsent(number.getE164(), v -> new ArrayList<>(1)).add(number);
        }
        return byValue;
    }

    public int size() {
        return numbers.size();
    }

    @Override
    public String toString() {
        return "batch " + id + " (" + numbers.size() + " numbers, account " + account + ")";
    }
}
