package org.disassociate.clevertap.intake.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.CamelContext;
import org.disassociate.clevertap.model.Json;
import org.disassociate.clevertap.model.OptionalJars;
import org.disassociate.clevertap.model.WhenContextStarted;

/**
 * The 413 of a body over {@code intake.rest.max-body-bytes} in the intake's shape, {@code {"error":"…"}}, as every
 * other refusal: the HTTP server's body handler refuses such a body before the route sees it, so the answer is a
 * failure handler on the server's router. Without a REST server (inside a host application) there is nothing to do.
 */
public class TooLargeAnswer extends WhenContextStarted {

    private long maxBodyBytes;
    private int port;

    public void setMaxBodyBytes(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** {@code intake.rest.port}: the server whose router answers. */
    public void setPort(int port) {
        this.port = port;
    }

    /** The answer's body, {@code {"error":"…"}}, for a limit of {@code maxBodyBytes}. */
    static String body(long maxBodyBytes) throws JsonProcessingException {
        return Json.mapper()
                .writeValueAsString(new ErrorReply("the body is over " + maxBodyBytes
                        + " bytes (intake.rest.max-body-bytes): send the numbers in smaller requests"));
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) throws Exception {
        if (OptionalJars.present(OptionalJars.PLATFORM_HTTP_VERTX)) {
            VertxServer.answerTooLarge(context, port, body(maxBodyBytes));
        }
    }
}
