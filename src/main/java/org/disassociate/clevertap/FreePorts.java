package org.disassociate.clevertap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Refuses to start when the REST intake's port or the management port (health, metrics) is taken. Camel Main's HTTP
 * servers only log a failed bind and run on without REST and without health checks; a port in use is a setting that
 * cannot work, said at start-up like any other.
 */
public class FreePorts {

    private boolean restEnabled = true;
    private String restHost = "0.0.0.0";
    private int restPort;
    private boolean managementEnabled = true;
    private String managementHost = "0.0.0.0";
    private int managementPort;

    public void setRestEnabled(boolean restEnabled) {
        this.restEnabled = restEnabled;
    }

    public void setRestHost(String restHost) {
        this.restHost = restHost;
    }

    public void setRestPort(int restPort) {
        this.restPort = restPort;
    }

    public void setManagementEnabled(boolean managementEnabled) {
        this.managementEnabled = managementEnabled;
    }

    public void setManagementHost(String managementHost) {
        this.managementHost = managementHost;
    }

    public void setManagementPort(int managementPort) {
        this.managementPort = managementPort;
    }

    public void check() {
        if (restEnabled) {
            refuseIfTaken("intake.rest.port (INTAKE_REST_PORT)", restHost, restPort);
        }
        if (managementEnabled && !(restEnabled && managementPort == restPort)) {
            refuseIfTaken("management.port (MANAGEMENT_PORT)", managementHost, managementPort);
        }
    }

    private static void refuseIfTaken(String setting, String host, int port) {
        if (port <= 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new ConfigurationException(setting + " is " + port + ", and " + host + ":" + port
                    + " cannot be listened on: " + e.getMessage() + " (another process, or another instance?)");
        }
    }
}
