package org.disassociate.clevertap.intake.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The 413 of a body over {@code intake.rest.max-body-bytes} on Camel Quarkus, in the intake's shape
 * {@code {"error":"…"}}: Quarkus' HTTP server refuses a body whose Content-Length is over its limit with its own plain
 * text, before any route, so the first handler of its router answers such a request itself. A body sent without a
 * Content-Length that grows over the limit is refused while it is read: {@link TooLargeAnswer}'s failure handler
 * answers that one, on Camel Quarkus as on Camel Main.
 */
@ApplicationScoped
public class QuarkusTooLargeAnswer {

    @ConfigProperty(name = "intake.rest.max-body-bytes")
    long maxBodyBytes;

    void install(@Observes Router router) throws Exception {
        String body = TooLargeAnswer.body(maxBodyBytes);
        router.route().order(Integer.MIN_VALUE).handler(routing -> {
            String length = routing.request().getHeader("Content-Length");
            if (length != null && isOver(length)) {
                routing.response()
                        .setStatusCode(413)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Connection", "close")
                        .end(body);
            } else {
                routing.next();
            }
        });
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
