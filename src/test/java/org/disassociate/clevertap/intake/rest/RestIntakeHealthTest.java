package org.disassociate.clevertap.intake.rest;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Readiness waits for the REST intake's listener, says which one it waits for (as message and as detail, so Camel
 * Quarkus shows it too), and is up once the port takes a connection.
 */
class RestIntakeHealthTest {

    @Test
    void downWhileThePortDoesNotListenThenUpOnceItTakesAConnection() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (DefaultCamelContext context = context("true", port)) {
            RestIntakeHealth health = check(context);

            HealthCheck.Result waiting = health.call(Map.of());
            assertEquals(
                    HealthCheck.State.DOWN,
                    waiting.getState(),
                    waiting.getDetails().toString());
            assertEquals(
                    "waiting for the HTTPS listener on " + port,
                    waiting.getMessage().orElse(null));
            assertEquals(
                    "waiting for the HTTPS listener on " + port,
                    waiting.getDetails().get("reason"));

            try (ServerSocket listener = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                HealthCheck.Result listening = health.call(Map.of());
                assertEquals(HealthCheck.State.UP, listening.getState());
                assertEquals(
                        "the HTTPS listener on " + port + " takes requests",
                        listening.getDetails().get("reason"));
            }
        }
    }

    @Test
    void upWhenTheRestIntakeIsOff() throws Exception {
        try (DefaultCamelContext context = context("false", 1)) {
            HealthCheck.Result result = check(context).call(Map.of());
            assertEquals(HealthCheck.State.UP, result.getState());
            assertEquals("off", result.getDetails().get("reason"));
        }
    }

    private static DefaultCamelContext context(String enabled, int port) {
        DefaultCamelContext context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("intake.rest.enabled", enabled);
        properties.setProperty("intake.rest.port", String.valueOf(port));
        properties.setProperty("intake.rest.tls.enabled", "true");
        properties.setProperty("camel.server.host", "0.0.0.0");
        context.getPropertiesComponent().setOverrideProperties(properties);
        return context;
    }

    private static RestIntakeHealth check(DefaultCamelContext context) {
        RestIntakeHealth health = new RestIntakeHealth();
        health.setCamelContext(context);
        return health;
    }
}
