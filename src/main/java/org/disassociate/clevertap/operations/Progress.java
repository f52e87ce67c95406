package org.disassociate.clevertap.operations;

import org.disassociate.clevertap.batching.Settlements;
import org.disassociate.clevertap.model.Settlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of long work: a line for each file (and spool file) being worked, on a timer ({@code progress.interval-ms}),
 * with numbers read, delivered and failed, and the rate (and what became of each account's numbers, when they went to
 * more than one). A file done within a second gets only its summary line.
 */
public class Progress {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private static final long MIN_AGE_MS = 1000;

    private Settlements settlements;

    public void setSettlements(Settlements settlements) {
        this.settlements = settlements;
    }

    public void report() {
        for (Settlement file : settlements.working()) {
            long elapsed = file.getElapsedMillis();
            if (elapsed < MIN_AGE_MS || file.isDone()) {
                continue;
            }
            long read = file.getAccepted() + file.getRejected();
            long settled = file.getProcessed() + file.getFailed();
            LOG.info(
                    "Working {}: {} read ({} invalid), {} processed, {} to the error channel, {}{} waiting; "
                            + "{} numbers/s{}{}",
                    file.getSource(),
                    read,
                    file.getRejected(),
                    file.getProcessed(),
                    file.getFailed(),
                    file.getSetAside() == 0 ? "" : file.getSetAside() + " set aside, ",
                    file.getPending(),
                    settled * 1000 / Math.max(1, elapsed),
                    file.isSealed() ? ", read to its end" : "",
                    file.byAccount());
        }
    }
}
