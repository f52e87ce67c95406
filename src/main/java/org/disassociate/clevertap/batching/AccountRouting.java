package org.disassociate.clevertap.batching;

import java.util.List;

import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.CheckedNumbers;
import org.disassociate.clevertap.model.ConfigurationException;
import org.disassociate.clevertap.model.PhoneNumber;
import org.disassociate.clevertap.model.Variables;

/**
 * Decides the account of each valid number of a checked chunk ({@link Accounts} says how): the account its own
 * message named (a JMS message's header), else the one its intake named, else those of its country, else the default
 * one. A number of a country that two accounts list goes to both, as two numbers; one that no account takes is refused
 * with the reason {@code no account for <country>}, and goes to the error channel with the chunk's invalid numbers.
 */
public class AccountRouting {

    private Accounts accounts;

    public void setAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    public CheckedNumbers route(@Body CheckedNumbers checked, @Variable(Variables.ACCOUNT) String named) {
        Account namedAccount = named == null
                ? null
                : accounts.named(named)
                        .orElseThrow(() -> new ConfigurationException("no account is named '" + named + "'"));
        CheckedNumbers routed = new CheckedNumbers(checked.getValid().size());
        checked.getInvalid().forEach(routed::add);
        for (PhoneNumber number : checked.getValid()) {
            if (number.getAccount() != null) {
                // its own message named its account (model.AccountInput): checked by its intake
                routed.add(number);
                continue;
            }
            if (namedAccount != null) {
                routed.add(number.to(namedAccount.name()));
                continue;
            }
            List<Account> takers = accounts.forCountry(number.getCountry());
            if (takers.isEmpty()) {
                routed.add(number.refused(Accounts.noAccountFor(number.getCountry())));
            }
            for (Account account : takers) {
                routed.add(number.to(account.name()));
            }
        }
        return routed;
    }
}
