package org.disassociate.clevertap.operations;

import io.vertx.core.net.impl.TCPServerBase;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.disassociate.clevertap.model.ConfigurationException;

/**
 * Camel Main's HTTP servers (the REST intake's and management's), on Vert.x: the only class of this package that names
 * Vert.x's types, reached only when Vert.x is on the class path ({@link ListeningServers}).
 * <p>
 * It reads one Vert.x internal, {@code io.vertx.core.net.impl.TCPServerBase#isListening()}: Vert.x gives no public
 * word of a failed bind (a server's actual port reads as the configured one even then), and Camel's platform-http
 * server only logs it.
 */
final class VertxServers {

    private VertxServers() {}

    /** Stops the start-up when one of the servers is not listening, naming the setting of its port. */
    static void checkListening(CamelContext context, int restPort, int managementPort) {
        for (VertxPlatformHttpServer server : context.hasServices(VertxPlatformHttpServer.class)) {
            if (server.getServer() instanceof TCPServerBase tcp && !tcp.isListening()) {
                int port = server.getConfigurationPort();
                String setting = port == restPort
                        ? "intake.rest.port (INTAKE_REST_PORT)"
                        : port == managementPort ? "management.port (MANAGEMENT_PORT)" : "the HTTP port";
                throw new ConfigurationException(setting + " is " + port + ", and " + server.getHost() + ":" + port
                        + " cannot be listened on: in use by another process, or another instance?");
            }
        }
    }
}
