package org.disassociate.clevertap.intake.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.disassociate.clevertap.model.OptionalJars;

/**
 * Decides whether a call of the REST intake is taken: {@code POST}, a JSON body, and a caller who shows either this
 * service's bearer token or, as CleverTap's own API asks, the account's {@code X-CleverTap-Account-Id} and
 * {@code X-CleverTap-Passcode} (unless {@code intake.rest.clevertap-credentials} is false). Secrets are compared in
 * constant time and never put in a message. Without TLS, CleverTap's credentials are taken only from loopback callers
 * (unless {@code intake.rest.trusted-network}): the passcode must not cross a network in clear.
 */
public class RestCallers {

    private static final String BEARER = "Bearer ";

    private byte[] token = new byte[0];
    private byte[] accountId = new byte[0];
    private byte[] passcode = new byte[0];
    private boolean clevertapCredentials = true;
    private boolean tlsEnabled;
    private boolean trustedNetwork;

    public void setToken(String token) {
        this.token = bytes(token);
    }

    public void setAccountId(String accountId) {
        this.accountId = bytes(accountId);
    }

    public void setPasscode(String passcode) {
        this.passcode = bytes(passcode);
    }

    /** Whether CleverTap's own headers are taken in place of the bearer token. */
    public void setClevertapCredentials(boolean clevertapCredentials) {
        this.clevertapCredentials = clevertapCredentials;
    }

    /** {@code intake.rest.tls.enabled}: callers reach the intake over TLS only. */
    public void setTlsEnabled(boolean tlsEnabled) {
        this.tlsEnabled = tlsEnabled;
    }

    /** {@code intake.rest.trusted-network}: the network between callers and this service is trusted (TLS ends before it). */
    public void setTrustedNetwork(boolean trustedNetwork) {
        this.trustedNetwork = trustedNetwork;
    }

    /**
     * 405 for a method other than POST; 401 without the bearer token or the account's credentials (and always when
     * neither is configured); 415 for a body that is not JSON. It reads the headers itself: a bean parameter's value is
     * logged by Camel at TRACE, and these are secrets.
     */
    public void check(Message request) {
        String method = request.getHeader(Exchange.HTTP_METHOD, String.class);
        String authorization = request.getHeader("Authorization", String.class);
        String givenAccountId = request.getHeader("X-CleverTap-Account-Id", String.class);
        String givenPasscode = request.getHeader("X-CleverTap-Passcode", String.class);
        String contentType = request.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (method != null && !"POST".equalsIgnoreCase(method)) {
            throw new IntakeRefusedException(405, "method " + method + " is not allowed: POST the numbers");
        }
        boolean credentialsConfigured = clevertapCredentials && accountId.length > 0 && passcode.length > 0;
        if (token.length == 0 && !credentialsConfigured) {
            throw new IntakeRefusedException(401, "the REST intake has no token configured (intake.rest.token / "
                    + "INTAKE_REST_TOKEN) and takes no CleverTap credentials, so it refuses every call");
        }
        if (givenAccountId != null || givenPasscode != null) {
            if (!credentialsConfigured) {
                throw new IntakeRefusedException(401, "this intake does not take CleverTap credentials "
                        + "(intake.rest.clevertap-credentials=false): use Authorization: Bearer <intake.rest.token>");
            }
            if (!tlsEnabled && !trustedNetwork && !fromThisMachine(request)) {
                throw new IntakeRefusedException(401, "CleverTap credentials are taken over plain HTTP only from this "
                        + "machine: the passcode would cross the network in clear. Call over TLS "
                        + "(intake.rest.tls.enabled), or use Authorization: Bearer <intake.rest.token>; behind a "
                        + "TLS-terminating proxy, intake.rest.trusted-network=true");
            }
            // both compared, whatever the first gives: the time taken says nothing of which was wrong
            boolean account = MessageDigest.isEqual(bytes(givenAccountId), accountId);
            boolean secret = MessageDigest.isEqual(bytes(givenPasscode), passcode);
            if (!(account & secret)) {
                throw new IntakeRefusedException(401, "wrong X-CleverTap-Account-Id or X-CleverTap-Passcode");
            }
        } else {
            if (token.length == 0) {
                throw new IntakeRefusedException(401, "the REST intake has no token configured (intake.rest.token / "
                        + "INTAKE_REST_TOKEN): it takes the account's X-CleverTap-Account-Id and X-CleverTap-Passcode");
            }
            byte[] given = authorization != null && authorization.startsWith(BEARER)
                    ? bytes(authorization.substring(BEARER.length())) : new byte[0];
            if (!MessageDigest.isEqual(given, token)) {
                throw new IntakeRefusedException(401, "missing or wrong bearer token (Authorization: Bearer "
                        + "<intake.rest.token>), or X-CleverTap-Account-Id and X-CleverTap-Passcode");
            }
        }
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new IntakeRefusedException(415, "Content-Type must be application/json, not "
                    + (mediaType.isEmpty() ? "missing" : mediaType));
        }
    }

    /** The caller's address is a loopback one; false without the REST intake's server (no caller either). */
    private static boolean fromThisMachine(Message request) {
        return OptionalJars.present(OptionalJars.PLATFORM_HTTP_VERTX) && VertxServer.callerOnThisMachine(request);
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.trim().getBytes(StandardCharsets.UTF_8);
    }
}
