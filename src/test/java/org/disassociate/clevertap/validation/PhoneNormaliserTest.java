package org.disassociate.clevertap.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.AccountInput;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.CheckedNumbers;
import org.disassociate.clevertap.model.ConfigurationException;
import org.disassociate.clevertap.model.FilePosition;
import org.disassociate.clevertap.model.Identity;
import org.disassociate.clevertap.model.Passcode;
import org.disassociate.clevertap.model.PhoneNumber;
import org.disassociate.clevertap.model.Settlement;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What becomes of an input: its E.164 form, or a refusal whose reason the error channel shows. */
class PhoneNormaliserTest {

    private final PhoneNormaliser normaliser = new PhoneNormaliser();

    @Test
    void aNumberWithoutPlusIsReadInTheDefaultCountry() {
        assertEquals("+919860012345", accepted("09860012345").getE164());
        assertEquals("+919860012345", accepted("98600 12345").getE164());
    }

    @Test
    void aNumberInInternationalFormKeepsItsOwnCountry() {
        assertEquals("+919860012345", accepted("+91 98600 12345").getE164());
        assertEquals("+16502530000", accepted("+1 (650) 253-0000").getE164());
        assertEquals(
                "+16502530000", accepted("  +1-650-253-0000  ").getE164(), "surrounding spaces are not part of it");
    }

    @Test
    void theDefaultCountryCanBeChangedAndIsReadInAnyCase() {
        normaliser.setDefaultCountry(" us ");

        assertEquals("+16502530000", accepted("(650) 253-0000").getE164());
        assertEquals(
                "+919860012345", accepted("+919860012345").getE164(), "a number with + is not read in the default");
    }

    @Test
    void anUnknownDefaultCountryIsRefusedNamingTheSetting() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> normaliser.setDefaultCountry("XX"));
        assertTrue(e.getMessage().contains("clevertap.default-country"), e.getMessage());
        assertTrue(e.getMessage().contains("'XX'"), e.getMessage());

        assertThrows(ConfigurationException.class, () -> normaliser.setDefaultCountry(""));
        assertThrows(ConfigurationException.class, () -> normaliser.setDefaultCountry(null));
        assertEquals("+919860012345", accepted("09860012345").getE164(), "the default stays what it was");
    }

    @Test
    void anInputTooLongForAPhoneNumberIsRefusedWithItsLength() {
        String input = "9".repeat(PhoneNormaliser.MAX_INPUT_LENGTH + 1);

        assertEquals(
                "too long for a phone number (65 characters)", rejected(input).getRejection());
        assertEquals(input, rejected(input).getInput(), "the input is kept as received");
    }

    @Test
    void anEmptyValueIsRefused() {
        assertEquals("empty value", rejected("").getRejection());
        assertEquals("empty value", rejected("   ").getRejection());
        assertEquals("empty value", rejected(null).getRejection());
        assertEquals("empty value", rejected(Identity.phone(null)).getRejection());
    }

    @Test
    void anIdentityOfAnotherTypeThanPhoneIsRefused() {
        assertEquals(
                "type must be \"phone\", not \"email\"",
                rejected(new Identity("email", "+919860012345")).getRejection());
        assertEquals(
                "type must be \"phone\", not missing",
                rejected(new Identity(null, "+919860012345")).getRejection());
        assertEquals(
                "+919860012345",
                accepted(new Identity("PHONE", "+919860012345")).getE164(),
                "the type in any case");
    }

    @Test
    void aNumberNotValidForItsCountryIsRefusedNamingTheCountry() {
        assertEquals("not a valid phone number in IN", rejected("+91 12345").getRejection());
        assertEquals(
                "not a valid phone number for country code +1",
                rejected("+1 555 0100").getRejection());
    }

    @Test
    void anUnknownCountryCodeIsRefused() {
        assertEquals(
                "not a phone number: unknown country code",
                rejected("+999 1234567").getRejection());
    }

    @Test
    void textThatIsNoNumberIsRefused() {
        assertEquals("not a phone number: not a number", rejected("call me").getRejection());
    }

    @Test
    void eachNumberCarriesTheSourceAndChunkItWasReadIn() {
        Settlement settlement = new Settlement("file:crm.txt");
        Settlement.Chunk chunk = settlement.chunkRead(3, new FilePosition(3, 3));

        CheckedNumbers checked = normaliser.normaliseAll(
                Arrays.asList("09860012345", "not a number", Identity.phone("+919860012346")),
                "file:crm.txt",
                chunk,
                null);

        assertEquals(
                List.of("+919860012345", "+919860012346"),
                checked.getValid().stream().map(PhoneNumber::getE164).toList());
        assertEquals(1, checked.getInvalid().size());
        for (PhoneNumber number : concat(checked)) {
            assertEquals("file:crm.txt", number.getSource());
            assertSame(chunk, number.getChunk());
        }
    }

    @Test
    void aNumberOfARestRequestHasNoChunk() {
        PhoneNumber number = normaliser
                .normaliseAll(List.of("+919860012345"), "rest", null, null)
                .getValid()
                .get(0);

        assertEquals("rest", number.getSource());
        assertNull(number.getChunk());
    }

    private PhoneNumber accepted(Object input) {
        CheckedNumbers checked = normaliser.normaliseAll(Arrays.asList(input), "rest", null, null);
        assertEquals(1, checked.getValid().size(), "accepted: " + input + " (" + checked.getInvalid() + ")");
        return checked.getValid().get(0);
    }

    private PhoneNumber rejected(Object input) {
        CheckedNumbers checked = normaliser.normaliseAll(Arrays.asList(input), "rest", null, null);
        assertEquals(1, checked.getInvalid().size(), "refused: " + input + " (" + checked.getValid() + ")");
        PhoneNumber number = checked.getInvalid().get(0);
        assertFalse(number.isValid());
        assertNull(number.getE164());
        return number;
    }

    private static List<PhoneNumber> concat(CheckedNumbers checked) {
        return Stream.concat(checked.getValid().stream(), checked.getInvalid().stream())
                .toList();
    }

    @Test
    void anInputWhoseMessageNamedItsAccountIsReadInThatAccountsCountryAndGoesToIt() {
        Accounts accounts = new Accounts();
        accounts.add(new Account(
                "sea",
                "SEA-ID",
                new Passcode("p"),
                "sg1",
                "https://sg1.api.clevertap.com",
                Set.of("SG"),
                false,
                3,
                0,
                "SG",
                false));
        normaliser.setAccounts(accounts);

        CheckedNumbers checked = normaliser.normaliseAll(
                List.of(
                        new AccountInput("9123 4567", "sea"),
                        new AccountInput(Identity.phone("+919860012345"), "sea"),
                        new AccountInput("12", "sea"),
                        "09860012346"),
                "jms",
                null,
                null);

        assertEquals(
                List.of("+6591234567", "+919860012345", "+919860012346"),
                checked.getValid().stream().map(PhoneNumber::getE164).toList());
        assertEquals(
                Arrays.asList("sea", "sea", null),
                checked.getValid().stream().map(PhoneNumber::getAccount).toList(),
                "an input of a message that named none has its account decided afterwards");
        assertEquals(1, checked.getInvalid().size(), "an invalid number of a named account is refused as any other");
        assertNull(checked.getInvalid().get(0).getAccount());
    }
}
