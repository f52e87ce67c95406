package org.disassociate.clevertap.intake.kamelet;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.disassociate.clevertap.model.CheckedNumbers;
import org.disassociate.clevertap.model.DryRunRequest;
import org.disassociate.clevertap.model.ErrorRecord;
import org.disassociate.clevertap.model.Variables;

/** The kamelet's answers to the host's route ({@link SinkAnswer}). */
public class SinkAnswers {

    /** The valid numbers are durable (in the spool, fsynced), the invalid ones in the error channel. */
    public SinkAnswer accepted(@Body CheckedNumbers checked) {
        int valid = checked.getValid().size();
        int invalid = checked.getInvalid().size();
        return new SinkAnswer(
                invalid == 0 ? "success" : valid == 0 ? "fail" : "partial", valid, invalid, null, null, null, null);
    }

    /** The message is not a list of numbers: it is in the error channel, nothing was taken. */
    public SinkAnswer refused(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        return new SinkAnswer("fail", 0, null, null, null, "not a list of numbers: " + cause.getMessage(), null);
    }

    /** A dry run: CleverTap's answer for the valid numbers, and this service's refusals. */
    public SinkAnswer dryRun(@Variable(Variables.DRY_RUN_REQUEST) DryRunRequest dryRun) {
        CheckedNumbers checked = dryRun.getChecked();
        List<ErrorRecord> unprocessed = new ArrayList<>(dryRun.getUnprocessed());
        unprocessed.addAll(dryRun.getFailed());
        long processed = dryRun.getProcessed();
        int refused = unprocessed.size() + checked.getInvalid().size();
        return new SinkAnswer(
                refused == 0 ? "success" : processed == 0 ? "fail" : "partial",
                null,
                checked.getInvalid().size(),
                processed,
                unprocessed,
                null,
                true);
    }
}
