package org.disassociate.clevertap.intake.kamelet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.Passcode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which account the kamelet's parameters name, without Camel: the application test is KameletAccountsTest. */
class SinkAccountTest {

    private static final String PASSCODE = "PASS-Sea-8H3N";

    private final Accounts accounts = new Accounts();
    private final List<Account> added = new ArrayList<>();
    private final SinkAccount sink = new SinkAccount();
    private Account sea;

    @BeforeEach
    void oneConfiguredAccount() {
        sea = new Account(
                "sea",
                "SEA-1",
                new Passcode(PASSCODE),
                "sg1",
                "https://sg1.api.clevertap.com",
                Set.of("SG"),
                false,
                3,
                0,
                "SG",
                false);
        accounts.add(sea);
        accounts.onAdded(added::add);
        sink.setAccounts(accounts);
        sink.setMaxInFlight(2);
        sink.setDefaultCountry("in");
    }

    @Test
    void noParameterNamesNoAccount() {
        assertNull(sink.named("", "", "", ""));
    }

    @Test
    void aKnownAccountIdWithItsPasscodeAndRegionIsThatAccount() {
        assertSame(sea, sink.named("", "SEA-1", PASSCODE, "sg1"));
        assertSame(sea, sink.named("", "SEA-1", PASSCODE, ""), "its region may be left out");
        assertTrue(added.isEmpty());
    }

    @Test
    void aKnownAccountIdInAnotherRegionIsRefused() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> sink.named("", "SEA-1", PASSCODE, "in1"));
        assertEquals(
                "kamelet:clevertap-disassociate-sink: account sea (SEA-1) is in region sg1, not in1; no number was "
                        + "taken",
                refused.getMessage());
    }

    @Test
    void aNewAccountIdIsAddedOnceWithTheServicesSettings() {
        Account account = sink.named("", "ab_C-9", "PASS-New", "eu1");

        assertEquals(List.of(account), added);
        assertEquals("kamelet-ab-c-9", account.name());
        assertEquals("https://eu1.api.clevertap.com", account.baseUrl());
        assertEquals(2, account.maxInFlight());
        assertEquals("IN", account.defaultCountry());
        assertTrue(account.kamelet());
        assertSame(account, sink.named("", "ab_C-9", "PASS-New", "eu1"));
        assertEquals(1, added.size());
    }

    @Test
    void theBaseUrlOfTheKameletsAccountsReplacesTheRegions() {
        sink.setBaseUrl("http://127.0.0.1:8089/");
        assertEquals(
                "http://127.0.0.1:8089",
                sink.named("", "NEW-1", "PASS-New", "eu1").baseUrl());
    }

    @Test
    void anAccountIdThatCannotBeOneOrAnUnknownRegionIsRefusedWithoutShowingThePasscode() {
        String notAnId = assertThrows(
                        IllegalArgumentException.class, () -> sink.named("", "NEW-1\r\nX-Other: 1", "PASS-New", "eu1"))
                .getMessage();
        assertTrue(notAnId.contains("is not a CleverTap account id"), notAnId);
        String notARegion = assertThrows(
                        IllegalArgumentException.class, () -> sink.named("", "NEW-1", "PASS-New", "xx1"))
                .getMessage();
        assertTrue(notARegion.contains("'xx1' is not a CleverTap region"), notARegion);
        assertFalse(notAnId.contains("PASS-New") || notARegion.contains("PASS-New"));
        assertTrue(added.isEmpty());
    }
}
