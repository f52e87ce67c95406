package org.disassociate.clevertap.model;

import java.util.ArrayList;
import java.util.List;

/** A chunk of inputs after validation: the valid numbers (E.164) and the invalid ones, each with its reason. */
public final class CheckedNumbers {

    private final List<PhoneNumber> valid;
    private final List<PhoneNumber> invalid;

    public CheckedNumbers(int expected) {
        this.valid = new ArrayList<>(expected);
        this.invalid = new ArrayList<>(0);
    }

    public void add(PhoneNumber number) {
        (number.isValid() ? valid : invalid).add(number);
    }

    public List<PhoneNumber> getValid() {
        return valid;
    }

    public List<PhoneNumber> getInvalid() {
        return invalid;
    }

    /** The valid numbers, a list per account (each number on its way to one account), in the order they came. */
    public List<List<PhoneNumber>> getValidByAccount() {
        java.util.Map<String, List<PhoneNumber>> byAccount = new java.util.LinkedHashMap<>();
        for (PhoneNumber number : valid) {
            byAccount
                    .computeIfAbsent(number.getAccount(), a -> new ArrayList<>())
                    .add(number);
        }
        return List.copyOf(byAccount.values());
    }

    @Override
    public String toString() {
        return valid.size() + " valid, " + invalid.size() + " invalid";
    }
}
