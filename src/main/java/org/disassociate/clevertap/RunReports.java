package org.disassociate.clevertap;

import java.time.Instant;
import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.disassociate.clevertap.model.RunReport;

/** Writes the run report of an inbox file from its submission's counts. */
public class RunReports {

    private boolean dryRun;
    private String errorChannel = "";

    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public void setErrorChannel(String errorChannel) {
        this.errorChannel = errorChannel;
    }

    /** Every number of the file is settled. */
    public RunReport settled(@Header("CamelFileName") String file, @ExchangeProperty("submission") Submission submission,
            Exchange exchange) {
        String outcome = submission.getRejected() + submission.getFailed() == 0 ? "delivered" : "delivered-with-errors";
        return report(file, outcome, submission, null, exchange);
    }

    /** The file could not be read to its end; the numbers read before that are settled as usual. */
    public RunReport failed(@Header("CamelFileName") String file, @ExchangeProperty("submission") Submission submission,
            @ExchangeProperty("CamelExceptionCaught") Exception cause, Exchange exchange) {
        String reason = cause == null ? "unknown" : cause.getMessage();
        return report(file, "failed", submission == null ? Submission.ofFile(file) : submission, reason, exchange);
    }

    private RunReport report(String file, String outcome, Submission submission, String reason, Exchange exchange) {
        // errors.uri may name today's file with ${date:now:...}: the report names the one written now
        String errorChannel = exchange.getContext().resolveLanguage("simple").createExpression(this.errorChannel)
                .evaluate(exchange, String.class);
        return new RunReport(file, outcome, submission.getAccepted(), submission.getRejected(), submission.getProcessed(),
                submission.getFailed(), submission.getStartedAt().toString(), Instant.now().toString(),
                submission.getElapsedMillis(), text(submission.getFirstBatchAt()), text(submission.getLastBatchAt()), dryRun,
                errorChannel, submission.getSource(), reason);
    }

    private static String text(Instant at) {
        return at == null ? null : Objects.toString(at);
    }
}
