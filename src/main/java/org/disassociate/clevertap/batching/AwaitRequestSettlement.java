package org.disassociate.clevertap.batching;

import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.disassociate.clevertap.model.Variables;
import org.disassociate.clevertap.model.WaitingRequest;

/**
 * Holds a REST request's answer, without holding a thread, until every one of its numbers is settled or its caller's
 * wait ({@code Prefer: wait}) has passed; then sets the variable {@value Variables#SETTLED} to say which. Its numbers
 * are durable in the spool either way.
 */
public class AwaitRequestSettlement extends AsyncProcessorSupport {

    private WaitingRequests waitingRequests;

    public void setWaitingRequests(WaitingRequests waitingRequests) {
        this.waitingRequests = waitingRequests;
    }

    @Override
    // the stage whenComplete returns only repeats the outcome that its callback handles itself
    @SuppressWarnings("FutureReturnValueIgnored")
    public boolean process(Exchange exchange, AsyncCallback callback) {
        WaitingRequest request = exchange.getVariable(Variables.WAITING_REQUEST, WaitingRequest.class);
        int seconds = exchange.getVariable(Variables.WAIT_SECONDS, 0, Integer.class);
        if (request.done().isDone()) {
            exchange.setVariable(Variables.SETTLED, true);
            callback.done(true);
            return true;
        }
        request.done().orTimeout(seconds, TimeUnit.SECONDS).whenComplete((done, timedOut) -> {
            if (timedOut != null) {
                waitingRequests.forget(request);
            }
            exchange.setVariable(Variables.SETTLED, timedOut == null);
            callback.done(false);
        });
        return false;
    }
}
