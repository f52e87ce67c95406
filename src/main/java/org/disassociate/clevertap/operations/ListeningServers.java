package org.disassociate.clevertap.operations;

import org.apache.camel.CamelContext;
import org.disassociate.clevertap.model.OptionalJars;
import org.disassociate.clevertap.model.WhenContextStarted;

/**
 * Stops the start-up when the REST intake's server or the management server (health, metrics) is not listening. Camel
 * Main's HTTP servers only log a failed bind and run on without REST and without health checks; a port in use is a
 * setting that cannot work, said at start-up like any other. A server's start waits for its bind to succeed or fail,
 * so this check after the start has no race (unlike trying the port before Camel binds it).
 */
public class ListeningServers extends WhenContextStarted {

    private int restPort;
    private int managementPort;

    public void setRestPort(int restPort) {
        this.restPort = restPort;
    }

    public void setManagementPort(int managementPort) {
        this.managementPort = managementPort;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // no Vert.x on the class path (a host application): no HTTP server of the module's to check
        if (OptionalJars.present(OptionalJars.PLATFORM_HTTP_VERTX)) {
            VertxServers.checkListening(context, restPort, managementPort);
        }
    }
}
