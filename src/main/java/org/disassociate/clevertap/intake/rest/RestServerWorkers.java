package org.disassociate.clevertap.intake.rest;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.disassociate.clevertap.model.OptionalJars;

/**
 * The worker threads of the REST intake's HTTP server (and of the management server), bound as Vert.x options
 * ({@code vertxOptions}), where Camel's platform-http server takes them by type. Camel's platform-http runs each
 * request's route on a Vert.x worker thread, and a worker waits there for the spool's fsync: more workers, more requests
 * share one fsync (Vert.x's default is 20). Without Vert.x on the class path (a host application without the REST
 * intake) there is no such server, and nothing is bound.
 */
public class RestServerWorkers implements CamelContextAware {

    static final String BEAN = "vertxOptions";

    private CamelContext camelContext;
    private int workerThreads = 20;

    /** {@code intake.rest.worker-threads}. */
    public void setWorkerThreads(int workerThreads) {
        this.workerThreads = workerThreads;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    /** The init method: binds the options, before any server starts (beans are made before the context starts). */
    public void bind() {
        if (OptionalJars.present(OptionalJars.PLATFORM_HTTP_VERTX)) {
            camelContext.getRegistry().bind(BEAN, VertxServer.workerOptions(workerThreads));
        }
    }
}
