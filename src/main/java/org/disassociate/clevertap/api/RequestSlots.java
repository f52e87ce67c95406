package org.disassociate.clevertap.api;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.disassociate.clevertap.model.Variables;

/**
 * The requests to CleverTap that may be in flight at once: CleverTap limits concurrent requests per account and answers
 * 429 beyond. Every request takes a slot, the pipeline's batches and a REST dry run's alike, and gives it back when its
 * answer has come (or none will): first one of this instance's ({@link AdaptiveConcurrency}: at most
 * {@code clevertap.max-in-flight}, fewer after a 429), then, when {@code clevertap.account-max-in-flight} is set, one of
 * the account's, shared by every instance on the broker ({@link AccountSlots}).
 */
public class RequestSlots {

    private AdaptiveConcurrency concurrency;
    private AccountSlots account;

    public void setConcurrency(AdaptiveConcurrency concurrency) {
        this.concurrency = concurrency;
    }

    public void setAccount(AccountSlots account) {
        this.account = account;
    }

    public RequestSlot take() throws InterruptedException {
        long started = concurrency.begin();
        try {
            return new RequestSlot(started, account.take());
        } catch (InterruptedException | RuntimeException e) {
            concurrency.ended(started, 0);
            throw e;
        }
    }

    /** The request has ended with HTTP {@code status} (none: no answer came). */
    public void giveBack(Exchange exchange, @Header(Exchange.HTTP_RESPONSE_CODE) Integer status) {
        // taken out of the exchange: a retry of the request takes a slot of its own, and never gives this one back
        // twice
        RequestSlot slot = (RequestSlot) exchange.removeVariable(Variables.REQUEST_SLOT);
        if (slot == null) {
            return;
        }
        account.giveBack(slot.account());
        concurrency.ended(slot.started(), status == null ? 0 : status);
    }

    /** This instance's limit now (the gauge {@code clevertap.requests.concurrency}). */
    public int concurrency() {
        return concurrency.limit();
    }
}
