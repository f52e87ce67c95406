package org.disassociate.clevertap.operations;

import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.disassociate.clevertap.model.Settlement;
import org.disassociate.clevertap.model.TraceContext;
import org.disassociate.clevertap.model.Variables;

/** The run report of an inbox file, from its settlement. */
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
    public RunReport settled(
            @Header("CamelFileName") String file,
            @Variable(Variables.SETTLEMENT) Settlement settlement,
            Exchange exchange) {
        // numbers set aside are still on their way (from their account's spool): the file is not delivered as a whole
        String outcome = settlement.getSetAside() > 0
                ? "partly-set-aside"
                : settlement.getRejected() + settlement.getFailed() == 0 ? "delivered" : "delivered-with-errors";
        return report(file, outcome, settlement, null, exchange);
    }

    /** The file could not be read to its end; the numbers read before that are settled as usual. */
    public RunReport failed(
            @Header("CamelFileName") String file,
            @Variable(Variables.SETTLEMENT) Settlement settlement,
            Exchange exchange) {
        return report(file, "failed", settlement, settlement.getUnreadable(), exchange);
    }

    private RunReport report(String file, String outcome, Settlement settlement, String reason, Exchange exchange) {
        // errors.uri may name today's file with a date expression: the report names the one written now
        String errorChannel = exchange.getContext()
                .resolveLanguage("simple")
                .createExpression(this.errorChannel)
                .evaluate(exchange, String.class);
        return new RunReport(
                file,
                outcome,
                settlement.getAccepted(),
                settlement.getRejected(),
                settlement.getProcessed(),
                settlement.getFailed(),
                settlement.getSetAside(),
                settlement.getAccounts(),
                settlement.getStartedAt().toString(),
                Instant.now().toString(),
                settlement.getElapsedMillis(),
                text(settlement.getFirstBatchAt()),
                text(settlement.getLastBatchAt()),
                dryRun,
                errorChannel,
                settlement.getSource(),
                reason,
                settlement.getResumedAt().line(),
                settlement.getReadAgain(),
                TraceContext.traceIdOf(settlement.getTraceparent()));
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
