package org.disassociate.clevertap.operations;

import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.disassociate.clevertap.api.AccountPipelines;
import org.disassociate.clevertap.batching.Settlements;
import org.disassociate.clevertap.durability.Spool;
import org.disassociate.clevertap.model.Accounts;

/**
 * The beans of operations: metrics, traces, readiness per account, progress, run reports, the polls the one-shot mode
 * watches, and the check that the HTTP servers listen.
 */
public class OperationsBeans implements CamelConfiguration {

    @BeanInject
    private Accounts accounts;

    @BeanInject
    private Settlements settlements;

    @BeanInject
    private AccountPipelines pipelines;

    @BeanInject
    private Spool spool;

    @PropertyInject("clevertap.dry-run")
    private boolean dryRun;

    @PropertyInject("errors.uri")
    private String errorsUri;

    @PropertyInject("intake.rest.port")
    private int restPort;

    @PropertyInject("management.port")
    private int managementPort;

    @Override
    public void configure(CamelContext camel) {
        Registry beans = camel.getRegistry();

        // Micrometer meters (clevertap.*), served with Camel's at /observe/metrics; those of batches and requests per
        // account
        ServiceMetrics metrics = new ServiceMetrics();
        metrics.setSettlements(settlements);
        metrics.setAccounts(accounts);
        metrics.setPipelines(pipelines);
        metrics.setSpool(spool);
        beans.bind("metrics", ServiceMetrics.class, metrics);

        // OpenTelemetry spans of batches, requests and error records, beside Camel's own (camel.opentelemetry2.enabled)
        Traces traces = new Traces();
        beans.bind("traces", Traces.class, traces);

        // each request to CleverTap counted, timed and traced from Camel's events of the send
        camel.getManagementStrategy().addEventNotifier(new ApiRequestEvents(metrics, traces));

        // readiness per account: down while CleverTap refuses its credentials (401/403); and its share of the fleet's
        // limit, up while the broker is away (file, REST and spool go on) but saying so: its sends fall back to
        // clevertap.account-fallback-max-in-flight
        AccountHealth health = new AccountHealth();
        health.setAccounts(accounts);
        health.setPipelines(pipelines);
        beans.bind("accountHealth", AccountHealth.class, health);

        Progress progress = new Progress();
        progress.setSettlements(settlements);
        beans.bind("progress", Progress.class, progress);

        RunReports reports = new RunReports();
        reports.setDryRun(dryRun);
        reports.setErrorChannel(errorsUri);
        beans.bind("runReports", RunReports.class, reports);

        // each poll of the inbox and the spool; the one-shot mode works the files of the first
        beans.bind("inboxPolls", InboxPolls.class, new InboxPolls());

        // a REST or management port that could not be listened on stops the start-up with one line
        ListeningServers servers = new ListeningServers();
        servers.setRestPort(restPort);
        servers.setManagementPort(managementPort);
        beans.bind("listeningServers", ListeningServers.class, servers);
    }
}
