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

    @Override
    public String toString() {
        return valid.size() + " valid, " + invalid.size() + " invalid";
    }
}
