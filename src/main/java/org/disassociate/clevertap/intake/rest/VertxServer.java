package org.disassociate.clevertap.intake.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.vertx.core.VertxOptions;
import io.vertx.core.net.SocketAddress;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConstants;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * What the REST intake asks of its HTTP server, Camel's platform-http on Vert.x: the only class of this package that
 * names Vert.x's types. Vert.x (camel-platform-http-vertx) is an optional dependency of the module, absent from a host
 * application without the REST intake; the intake's beans, which every set-up creates, reach this class only when
 * {@code OptionalJars.PLATFORM_HTTP_VERTX} is present.
 */
final class VertxServer {

    private VertxServer() {}

    /** The caller's address is a loopback one (the header platform-http sets on both runtimes). */
    static boolean callerOnThisMachine(Message request) {
        SocketAddress caller = request.getHeader(VertxPlatformHttpConstants.REMOTE_ADDRESS, SocketAddress.class);
        if (caller == null || caller.hostAddress() == null) {
            return false;
        }
        try {
            return InetAddress.getByName(caller.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Answers the server's own 413 with {@code body} as JSON: a failure handler on the router of the server on
     * {@code port} (Camel Main names each server's router by its port; Camel Quarkus has the one). False when there is
     * no such router.
     */
    static boolean answerTooLarge(CamelContext context, int port, String body) {
        VertxPlatformHttpRouter router =
                VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port));
        if (router == null) {
            router = VertxPlatformHttpRouter.lookup(context);
        }
        if (router == null) {
            return false;
        }
        router.route().failureHandler(routing -> {
            if (routing.statusCode() == 413 && !routing.response().ended()) {
                routing.response()
                        .setStatusCode(413)
                        .putHeader("Content-Type", "application/json")
                        .end(body);
            } else {
                routing.next();
            }
        });
        return true;
    }

    /** Vert.x's options with this many worker threads. */
    static Object workerOptions(int workerThreads) {
        return new VertxOptions().setWorkerPoolSize(workerThreads);
    }
}
