package org.disassociate.clevertap.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A dry run (of a REST request, or of the kamelet): its valid numbers in batches of at most {@code clevertap.batch-size}
 * and of one account each, each sent to CleverTap
 * with {@code dryRun=1}, and what CleverTap answered to each. Nothing of it enters the pipeline: no spool, no error
 * channel, no settlement.
 */
public final class DryRunRequest {

    private final CheckedNumbers checked;
    private final List<Batch> batches = new ArrayList<>();
    private final List<ErrorRecord> unprocessed = new ArrayList<>();
    private final List<ErrorRecord> failed = new ArrayList<>();
    private long processed;

    public DryRunRequest(CheckedNumbers checked, int batchSize) {
        this.checked = checked;
        int n = 0;
        // a batch never mixes accounts
        for (List<PhoneNumber> valid : checked.getValidByAccount()) {
            for (int from = 0; from < valid.size(); from += batchSize) {
                n++;
                batches.add(new Batch("dry-run-" + n, valid.subList(from, Math.min(valid.size(), from + batchSize))));
            }
        }
    }

    public CheckedNumbers getChecked() {
        return checked;
    }

    /** The requests to send, one a batch. */
    public List<Batch> getBatches() {
        return batches;
    }

    /** CleverTap answered a batch: its own count of processed records, and the records it refused. */
    public synchronized void answered(Batch batch, DisassociateResponse response, List<ErrorRecord> refused) {
        processed += response.processed() != null
                ? response.processed()
                : batch.byValue().size() - refused.size();
        unprocessed.addAll(refused);
    }

    /** The records of a batch that CleverTap refused as a whole, or that could not be sent after every retry. */
    public synchronized void failed(List<ErrorRecord> records) {
        failed.addAll(records);
    }

    public synchronized long getProcessed() {
        return processed;
    }

    /** What CleverTap refused, record by record. */
    public synchronized List<ErrorRecord> getUnprocessed() {
        return List.copyOf(unprocessed);
    }

    /** The numbers of batches that failed as a whole. */
    public synchronized List<ErrorRecord> getFailed() {
        return List.copyOf(failed);
    }
}
