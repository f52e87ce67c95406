package org.disassociate.clevertap.intake.kamelet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

import org.apache.camel.Exchange;
import org.disassociate.clevertap.model.Variables;

/**
 * The kamelet's account against the module's: the module delivers every number to one account
 * ({@code clevertap.account-id}), so a kamelet whose {@code accountId} or {@code passcode} parameter names another is
 * refused rather than delivered to the wrong account. The kamelet hands both over in variables, which this removes.
 */
public class SinkAccount {

    private String accountId = "";
    private String passcode = "";

    public void setAccountId(String accountId) {
        this.accountId = accountId == null ? "" : accountId.strip();
    }

    public void setPasscode(String passcode) {
        this.passcode = passcode == null ? "" : passcode;
    }

    public void check(Exchange exchange) {
        String givenId = Objects.toString(exchange.removeVariable(Variables.KAMELET_ACCOUNT_ID), "");
        String givenPasscode = Objects.toString(exchange.removeVariable(Variables.KAMELET_PASSCODE), "");
        if (!accountId.equals(givenId.strip())) {
            throw new IllegalArgumentException("the kamelet's accountId (" + givenId.strip() + ") is not the module's "
                    + "clevertap.account-id (" + accountId + "): the module delivers to that account only");
        }
        // as RestCallers compares it: in constant time, never printed
        if (!MessageDigest.isEqual(passcode.getBytes(StandardCharsets.UTF_8),
                givenPasscode.getBytes(StandardCharsets.UTF_8))) {
            throw new IllegalArgumentException("the kamelet's passcode is not the module's clevertap.passcode");
        }
    }
}
