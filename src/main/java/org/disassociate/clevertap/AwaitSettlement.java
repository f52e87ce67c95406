package org.disassociate.clevertap;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds an intake exchange open, without holding a thread, until every number of its submission has been processed
 * by CleverTap or written to the error channel. For a file this is what moves it to {@code .done/} only then.
 */
public class AwaitSettlement extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(AwaitSettlement.class);

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Submission submission = exchange.getProperty("submission", Submission.class);
        if (submission == null) {
            callback.done(true);
            return true;
        }
        boolean settledAlready = submission.seal(() -> {
            LOG.info("Done {}", submission.summary());
            callback.done(false);
        });
        if (settledAlready) {
            if (submission.getAccepted() + submission.getRejected() == 0) {
                LOG.warn("Done {}: it holds no numbers", submission.getSource());
            } else {
                LOG.info("Done {}", submission.summary());
            }
            callback.done(true);
        }
        return settledAlready;
    }
}
