package org.disassociate.clevertap.intake;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.disassociate.clevertap.api.Identity;
import org.disassociate.clevertap.errors.Excerpt;
import org.disassociate.clevertap.validation.CheckedNumbers;

/**
 * Decides whether a REST intake request is taken: bearer token, content type, and a body shaped like CleverTap's own
 * ({@code {"d":[{"type":"phone","value":"…"}]}}), so that an existing client can point here instead of at CleverTap.
 */
public class RestIntake {

    private static final String BEARER = "Bearer ";
    /** Refusals listed in a 202; all of them are in the error channel. */
    static final int MAX_LISTED_REJECTIONS = 10_000;

    private byte[] token = new byte[0];

    public void setToken(String token) {
        this.token = token == null ? new byte[0] : token.trim().getBytes(StandardCharsets.UTF_8);
    }

    /** 401 without the right bearer token (and always when none is configured); 415 for a body that is not JSON. */
    public void check(@Header("Authorization") String authorization, @Header("Content-Type") String contentType) {
        if (token.length == 0) {
            throw new IntakeRefusedException(401,
                    "the REST intake has no token configured (intake.rest.token / INTAKE_REST_TOKEN), so it refuses every call");
        }
        byte[] given = authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(given, token)) {
            throw new IntakeRefusedException(401, "missing or wrong bearer token (Authorization: Bearer <intake.rest.token>)");
        }
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new IntakeRefusedException(415, "Content-Type must be application/json, not "
                    + (mediaType.isEmpty() ? "missing" : mediaType));
        }
    }

    /** The records of the body, each read as a phone identity; 400 when the body is not JSON or has no {@code d} array. */
    public List<Identity> read(@Body InputStream body) {
        try {
            return DisassociateBody.read(body);
        } catch (DisassociateBody.MalformedException e) {
            throw new IntakeRefusedException(400, e.getMessage());
        }
    }

    /** The 202: how many numbers were taken, and each refused one with the reason (the first 10,000). */
    public IntakeReply reply(@Body CheckedNumbers checked) {
        List<IntakeReply.Rejection> rejected = checked.getInvalid().stream().limit(MAX_LISTED_REJECTIONS)
                .map(n -> new IntakeReply.Rejection(Excerpt.of(n.getInput()), n.getRejection())).toList();
        return new IntakeReply(checked.getValid().size(), rejected);
    }

    public ErrorReply refusal(@ExchangeProperty("CamelExceptionCaught") Exception cause) {
        return new ErrorReply(cause.getMessage());
    }
}
