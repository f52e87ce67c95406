package org.disassociate.clevertap.intake.rest;

import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.disassociate.clevertap.model.Accounts;

/** The beans of the REST intake's routes: who may call, the request, the answer, and the HTTP server's own limits. */
public class RestIntakeBeans implements CamelConfiguration {

    @BeanInject
    private Accounts accounts;

    @PropertyInject("intake.rest.worker-threads")
    private int workerThreads;

    @PropertyInject("{{intake.rest.token:}}")
    private String token;

    @PropertyInject("intake.rest.clevertap-credentials")
    private boolean clevertapCredentials;

    @PropertyInject("intake.rest.tls.enabled")
    private boolean tlsEnabled;

    @PropertyInject("intake.rest.trusted-network")
    private boolean trustedNetwork;

    @PropertyInject("intake.rest.max-wait-seconds")
    private int maxWaitSeconds;

    @PropertyInject("intake.rest.max-body-bytes")
    private long maxBodyBytes;

    @PropertyInject("intake.rest.port")
    private int port;

    @Override
    public void configure(CamelContext camel) {
        Registry beans = camel.getRegistry();

        // the worker threads of the REST intake's server (and of the management server), bound as Vert.x options
        // where Vert.x is on the class path: a request's route waits on one for the spool's fsync, and more of them
        // share one fsync
        RestServerWorkers workers = new RestServerWorkers();
        workers.setCamelContext(camel);
        workers.setWorkerThreads(workerThreads);
        workers.bind();
        beans.bind("restServerWorkers", RestServerWorkers.class, workers);

        // who may call the REST intake, and the account of its numbers: the bearer token (with the account it may
        // name), or an account's own CleverTap credentials
        RestCallers callers = new RestCallers();
        callers.setToken(token);
        callers.setAccounts(accounts);
        callers.setClevertapCredentials(clevertapCredentials);
        callers.setTlsEnabled(tlsEnabled);
        callers.setTrustedNetwork(trustedNetwork);
        beans.bind("restCallers", RestCallers.class, callers);

        RestRequests requests = new RestRequests();
        requests.setMaxWaitSeconds(maxWaitSeconds);
        beans.bind("restRequests", RestRequests.class, requests);
        beans.bind("restAnswers", RestAnswers.class, new RestAnswers());

        // the HTTP server's own 413 (a body over intake.rest.max-body-bytes) with a JSON body, as every other refusal
        TooLargeAnswer tooLarge = new TooLargeAnswer();
        tooLarge.setMaxBodyBytes(maxBodyBytes);
        tooLarge.setPort(port);
        beans.bind("tooLargeAnswer", TooLargeAnswer.class, tooLarge);

        // readiness: down until the REST intake, when on, takes connections on its port (HTTP, or HTTPS with TLS);
        // it reads intake.rest.* itself
        RestIntakeHealth health = new RestIntakeHealth();
        beans.bind("restIntakeHealth", RestIntakeHealth.class, health);
    }
}
