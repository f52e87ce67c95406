package org.disassociate.clevertap.validation;

import java.util.Arrays;
import java.util.List;

import org.disassociate.clevertap.model.CheckedNumbers;
import org.disassociate.clevertap.model.PhoneNumber;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A spool file's lines: what the intake already checked is taken as it is; anything else is checked in full. */
class SpooledNumbersTest {

    private final SpooledNumbers spooled = new SpooledNumbers();

    SpooledNumbersTest() {
        PhoneNormaliser normaliser = new PhoneNormaliser();
        normaliser.setDefaultCountry("IN");
        spooled.setNormaliser(normaliser);
    }

    @Test
    void aLineInE164IsTakenAsItIsWithoutAskingLibphonenumberAgain() {
        // +1 555 0100 is not a valid number for libphonenumber: taken all the same, its intake checked it before
        // spooling
        CheckedNumbers checked = spooled.accept(List.of("+919860012345", "+15550100"), "jms", null);

        assertEquals(
                List.of("+919860012345", "+15550100"),
                checked.getValid().stream().map(PhoneNumber::getE164).toList());
        assertEquals("jms", checked.getValid().get(0).getSource());
        assertTrue(checked.getInvalid().isEmpty());
    }

    @Test
    void aLineThatIsNotE164IsCheckedInFullAndRefusedWithItsReason() {
        CheckedNumbers checked =
                spooled.accept(Arrays.asList("+91 98600 12346", "+91980abc", "", null, "09860012347"), "rest", null);

        assertEquals(
                List.of("+919860012346", "+919860012347"),
                checked.getValid().stream().map(PhoneNumber::getE164).toList(),
                "a line in another form is normalised as at the intake");
        assertEquals(3, checked.getInvalid().size());
        assertEquals("empty value", checked.getInvalid().get(1).getRejection());
        assertTrue(
                checked.getInvalid().get(0).getRejection().startsWith("not"),
                checked.getInvalid().get(0).getRejection());
    }
}
