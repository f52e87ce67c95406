package org.disassociate.clevertap.operations;

import io.vertx.core.net.impl.TCPServerBase;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.disassociate.clevertap.model.ConfigurationException;
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
        for (VertxPlatformHttpServer server : context.hasServices(VertxPlatformHttpServer.class)) {
            // Vert.x gives no public word of a failed bind (its actual port reads as the configured one); its TCP server
            // base class does
            if (server.getServer() instanceof TCPServerBase tcp && !tcp.isListening()) {
                int port = server.getConfigurationPort();
                String setting = port == restPort ? "intake.rest.port (INTAKE_REST_PORT)"
                        : port == managementPort ? "management.port (MANAGEMENT_PORT)" : "the HTTP port";
                throw new ConfigurationException(setting + " is " + port + ", and " + server.getHost() + ":" + port
                        + " cannot be listened on: in use by another process, or another instance?");
            }
        }
    }
}
