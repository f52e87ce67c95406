package org.disassociate.clevertap.intake.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.Excerpt;
import org.disassociate.clevertap.model.OptionalJars;
import org.disassociate.clevertap.model.Variables;

/**
 * Decides whether a call of the REST intake is taken, and which account its numbers go to: {@code POST}, a JSON body,
 * and a caller who shows either
 * <ul>
 * <li>an account's own CleverTap credentials, as CleverTap's API asks: the {@code X-CleverTap-Account-Id} and
 * {@code X-CleverTap-Passcode} of one of the configured accounts (unless {@code intake.rest.clevertap-credentials} is
 * false); its numbers go to that account. Without TLS, they are taken only from loopback callers (unless
 * {@code intake.rest.trusted-network}): the passcode must not cross a network in clear; or</li>
 * <li>this service's bearer token, with {@code X-CleverTap-Account-Id} (an account id, or a configured account's
 * name) to send its numbers to that account; without it, each number goes to the accounts of its country.</li>
 * </ul>
 * Secrets are compared in constant time and never put in a message.
 */
public class RestCallers {

    private static final String BEARER = "Bearer ";

    private byte[] token = new byte[0];
    private Accounts accounts = new Accounts();
    private boolean clevertapCredentials = true;
    private boolean tlsEnabled;
    private boolean trustedNetwork;

    public void setToken(String token) {
        this.token = bytes(token);
    }

    /** The configured accounts, whose credentials a caller may show. */
    public void setAccounts(Accounts accounts) {
        this.accounts = accounts;
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
     * 405 for a method other than POST; 401 without the bearer token or an account's credentials (and always when
     * neither is configured); 400 for a bearer caller's {@code X-CleverTap-Account-Id} that names no account; 415 for a
     * body that is not JSON. Then the variable {@value Variables#ACCOUNT} holds the name of the caller's account, or is
     * unset when a bearer caller named none. It reads the headers itself: a bean parameter's value is logged by Camel
     * at TRACE, and these are secrets.
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
        boolean credentialsTaken = clevertapCredentials && !accounts.all().isEmpty();
        if (token.length == 0 && !credentialsTaken) {
            throw new IntakeRefusedException(
                    401,
                    "the REST intake has no token configured (intake.rest.token / "
                            + "INTAKE_REST_TOKEN) and takes no CleverTap credentials, so it refuses every call");
        }
        boolean bearer = authorization != null && authorization.startsWith(BEARER);
        // the passcode, or the account id without a bearer token: CleverTap's credentials, both needed
        Account account = givenPasscode != null || (givenAccountId != null && !bearer)
                ? byCredentials(request, givenAccountId, givenPasscode, credentialsTaken)
                : byToken(authorization, givenAccountId);
        String mediaType =
                contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new IntakeRefusedException(
                    415, "Content-Type must be application/json, not " + (mediaType.isEmpty() ? "missing" : mediaType));
        }
        request.getExchange().setVariable(Variables.ACCOUNT, account == null ? null : account.name());
    }

    /** The account whose id and passcode the caller gave. */
    // & on purpose, not &&: see below
    @SuppressWarnings("ShortCircuitBoolean")
    private Account byCredentials(
            Message request, String givenAccountId, String givenPasscode, boolean credentialsTaken) {
        if (!credentialsTaken) {
            throw new IntakeRefusedException(
                    401,
                    "this intake does not take CleverTap credentials ("
                            + (clevertapCredentials
                                    ? "no CleverTap account is configured"
                                    : "intake.rest.clevertap-credentials=false")
                            + "): use Authorization: Bearer <intake.rest.token>");
        }
        if (!tlsEnabled && !trustedNetwork && !fromThisMachine(request)) {
            throw new IntakeRefusedException(
                    401,
                    "CleverTap credentials are taken over plain HTTP only from this "
                            + "machine: the passcode would cross the network in clear. Call over TLS "
                            + "(intake.rest.tls.enabled), or use Authorization: Bearer <intake.rest.token>; behind a "
                            + "TLS-terminating proxy, intake.rest.trusted-network=true");
        }
        // every account's id and passcode compared, whatever the others give: the time taken says nothing of which
        // account exists, nor of which of the two was wrong (hence & and not &&, on purpose)
        byte[] id = bytes(givenAccountId);
        String passcode = givenPasscode == null ? "" : givenPasscode;
        Account matched = null;
        for (Account each : accounts.all()) {
            boolean sameId = MessageDigest.isEqual(id, bytes(each.accountId()));
            boolean secret = each.passcode().matches(passcode) & each.passcode().isSet();
            if (sameId & secret) {
                matched = each;
            }
        }
        if (matched == null) {
            throw new IntakeRefusedException(401, "wrong X-CleverTap-Account-Id or X-CleverTap-Passcode");
        }
        return matched;
    }

    /** The account a caller with the bearer token names with X-CleverTap-Account-Id; null when it names none. */
    private Account byToken(String authorization, String givenAccountId) {
        if (token.length == 0) {
            throw new IntakeRefusedException(
                    401,
                    "the REST intake has no token configured (intake.rest.token / "
                            + "INTAKE_REST_TOKEN): it takes a configured account's X-CleverTap-Account-Id and "
                            + "X-CleverTap-Passcode");
        }
        byte[] given = authorization != null && authorization.startsWith(BEARER)
                ? bytes(authorization.substring(BEARER.length()))
                : new byte[0];
        if (!MessageDigest.isEqual(given, token)) {
            throw new IntakeRefusedException(
                    401,
                    "missing or wrong bearer token (Authorization: Bearer "
                            + "<intake.rest.token>), or X-CleverTap-Account-Id and X-CleverTap-Passcode");
        }
        if (givenAccountId == null) {
            return null;
        }
        // the caller is known: a name that is no account's is a mistake in its request, not in its credentials
        return accounts.byNameOrId(givenAccountId)
                .orElseThrow(() -> new IntakeRefusedException(
                        400,
                        "X-CleverTap-Account-Id '" + Excerpt.of(givenAccountId.trim())
                                + "' names no account of this service: "
                                + "give a configured account's id or name, or leave the header out and each number goes to "
                                + "the account of its country"));
    }

    /** The caller's address is a loopback one; false without the REST intake's server (no caller either). */
    private static boolean fromThisMachine(Message request) {
        return OptionalJars.present(OptionalJars.PLATFORM_HTTP_VERTX) && VertxServer.callerOnThisMachine(request);
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.trim().getBytes(StandardCharsets.UTF_8);
    }
}
