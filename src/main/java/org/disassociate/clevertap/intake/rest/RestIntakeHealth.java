package org.disassociate.clevertap.intake.rest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.disassociate.clevertap.model.HealthReason;

/**
 * Readiness: down until the REST intake, when it is on, listens on its port, so that a load balancer or Kubernetes
 * sends no caller here before the intake can take the numbers. Each runtime starts its HTTP server on its own
 * schedule: Camel Quarkus serves its management interface (and this check) before its HTTPS server has bound the
 * intake's port. So the check does not ask the runtime; it connects to the port, as a caller would. Once a connection
 * has been taken the check stays up: the server does not unbind while the application runs.
 * <p>
 * The check reads the intake's settings ({@code intake.rest.enabled}, {@code .port}, {@code .tls.enabled},
 * {@code camel.server.host}) from the context's properties, not from bean properties: Camel Quarkus makes an instance
 * of each health check class of its own, which may be the one it serves, and that instance is given no properties.
 */
public class RestIntakeHealth extends AbstractHealthCheck {

    private static final int CONNECT_TIMEOUT_MS = 1000;

    private volatile boolean listening;

    public RestIntakeHealth() {
        super("clevertap", "rest-intake");
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (!Boolean.parseBoolean(setting("intake.rest.enabled", "false"))) {
            HealthReason.of(builder.up(), "off");
            return;
        }
        int port = Integer.parseInt(setting("intake.rest.port", "0"));
        boolean tls = Boolean.parseBoolean(setting("intake.rest.tls.enabled", "false"));
        String host = setting("camel.server.host", "0.0.0.0");
        String listener = (tls ? "HTTPS" : "HTTP") + " listener on " + port;
        if (listening || (listening = acceptsConnections(host, port))) {
            HealthReason.of(builder.up(), "the " + listener + " takes requests");
            return;
        }
        HealthReason.of(builder.down(), "waiting for the " + listener);
    }

    private String setting(String key, String otherwise) {
        return getCamelContext().resolvePropertyPlaceholders("{{" + key + ":" + otherwise + "}}");
    }

    private static boolean acceptsConnections(String host, int port) {
        // a server bound to every address is reached on loopback
        String address = host.isBlank() || "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException | IllegalArgumentException notYet) {
            return false;
        }
    }
}
