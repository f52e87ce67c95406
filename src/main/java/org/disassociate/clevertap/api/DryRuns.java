package org.disassociate.clevertap.api;

import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.Batch;
import org.disassociate.clevertap.model.Variables;

/**
 * The one place that decides whether a request to CleverTap only validates ({@code dryRun=1}): every request when the
 * service runs dry ({@code clevertap.dry-run}), a REST request that asks for it with {@code dryRun=1} in its query,
 * as CleverTap's own endpoint takes it, and a message to the kamelet with the header {@value #KAMELET_HEADER} true.
 */
public class DryRuns {

    private static final Pattern ASKED = Pattern.compile("(?:^|&)dryRun=(?:1|true)(?:&|$)", Pattern.CASE_INSENSITIVE);

    /** The kamelet's header that asks for a dry run of its message. */
    public static final String KAMELET_HEADER = "CleverTapDryRun";

    private boolean service;
    private Accounts accounts;

    public void setAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    /** {@code clevertap.dry-run}: the whole service only validates. */
    public void setService(boolean service) {
        this.service = service;
    }

    /** A batch of the pipeline: as its account's {@code dry-run} says (the service's, unless set for the account). */
    public boolean forBatch(@Variable(Variables.BATCH) Batch batch) {
        return accounts.named(batch.getAccount()).map(Account::dryRun).orElse(service);
    }

    /** A REST request: its numbers are validated by CleverTap and go nowhere else. */
    public boolean forRestRequest(@Header(Exchange.HTTP_QUERY) String query) {
        return service || (query != null && ASKED.matcher(query).find());
    }

    /** A message to the kamelet: its numbers are validated by CleverTap and go nowhere else. */
    public boolean forKameletMessage(@Header(KAMELET_HEADER) Object asked) {
        return service
                || (asked != null
                        && ("1".equals(asked.toString().strip())
                                || Boolean.parseBoolean(asked.toString().strip())));
    }
}
