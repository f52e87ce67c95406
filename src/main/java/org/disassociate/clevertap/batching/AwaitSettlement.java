package org.disassociate.clevertap.batching;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.disassociate.clevertap.model.Settlement;
import org.disassociate.clevertap.model.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a file's exchange open, without holding a thread, until every number read from it has been processed by
 * CleverTap or written to the error channel. For an inbox file this is what moves it to {@code .done/} only then.
 */
public class AwaitSettlement extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(AwaitSettlement.class);

    @Override
    // the stage whenComplete returns only repeats the outcome that its callback handles itself
    @SuppressWarnings("FutureReturnValueIgnored")
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Settlement settlement = exchange.getVariable(Variables.SETTLEMENT, Settlement.class);
        var done = settlement.seal();
        if (done.isDone()) {
            if (settlement.getAccepted() + settlement.getRejected() == 0) {
                LOG.warn("Done {}: it holds no numbers", settlement.getSource());
            } else {
                LOG.info("Done {}", settlement.summary());
            }
            callback.done(true);
            return true;
        }
        done.whenComplete((s, e) -> {
            LOG.info("Done {}", settlement.summary());
            callback.done(false);
        });
        return false;
    }
}
