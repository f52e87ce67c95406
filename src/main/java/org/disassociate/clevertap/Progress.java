package org.disassociate.clevertap;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of long work: the files (and spool files) being worked, each reported by {@link #report()} on a timer
 * ({@code progress.interval-ms}) with numbers read, delivered and failed, and the rate. A file done within the
 * interval gets only its summary line at the end.
 */
public class Progress {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private static final long MIN_AGE_MS = 1000;

    private final Set<Submission> working = ConcurrentHashMap.newKeySet();

    public void track(@ExchangeProperty("submission") Submission submission) {
        if (submission != null) {
            working.add(submission);
        }
    }

    public void report() {
        for (Submission submission : working) {
            if (submission.isSealed() && submission.getPending() == 0) {
                working.remove(submission);
                continue;
            }
            long elapsed = submission.getElapsedMillis();
            if (elapsed < MIN_AGE_MS) {
                continue;
            }
            long read = submission.getAccepted() + submission.getRejected();
            long settled = submission.getProcessed() + submission.getFailed();
            LOG.info("Working {}: {} read ({} invalid), {} processed, {} to the error channel, {} waiting; {} numbers/s{}",
                    submission.getSource(), read, submission.getRejected(), submission.getProcessed(),
                    submission.getFailed(), submission.getPending(), settled * 1000 / Math.max(1, elapsed),
                    submission.isSealed() ? ", read to its end" : "");
        }
    }
}
