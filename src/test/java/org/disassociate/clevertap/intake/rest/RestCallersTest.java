package org.disassociate.clevertap.intake.rest;

import io.vertx.core.net.SocketAddress;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConstants;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Who may call the REST intake: the bearer token, or the account's CleverTap id and passcode. The secrets are test
 * values, and no assertion message or refusal shows them.
 */
class RestCallersTest {

    private static final String TOKEN = "intake-token-0123456789";
    private static final String ACCOUNT_ID = "W9R-46Z-TEST";
    private static final String PASSCODE = "passcode-AbCdEf-987";
    private static final String WRONG_TOKEN = "guessed-token-555";
    private static final String WRONG_PASSCODE = "guessed-passcode-555";

    private final CamelContext context = new DefaultCamelContext();
    private final RestCallers callers = new RestCallers();

    RestCallersTest() {
        callers.setToken(TOKEN);
        callers.setAccountId(ACCOUNT_ID);
        callers.setPasscode(PASSCODE);
        callers.setClevertapCredentials(true);
    }

    @AfterEach
    void closeContext() throws Exception {
        context.close();
    }

    @Test
    void aGetIsNotAllowed() {
        Message request = withToken(TOKEN);
        request.setHeader(Exchange.HTTP_METHOD, "GET");

        assertEquals(405, refused(request).getStatus());
    }

    @Test
    void aCallWithoutCredentialsIsUnauthorized() {
        assertEquals(401, refused(post()).getStatus());
    }

    @Test
    void aWrongBearerTokenIsUnauthorized() {
        assertEquals(401, refused(withToken(WRONG_TOKEN)).getStatus());
        assertEquals(401, refused(withToken(TOKEN + "x")).getStatus(), "a longer token");
        assertEquals(401, refused(withToken("")).getStatus(), "an empty token");

        Message basic = post();
        basic.setHeader("Authorization", "Basic " + TOKEN);
        assertEquals(401, refused(basic).getStatus(), "the token, but not as a bearer token");
    }

    @Test
    void aWrongPasscodeIsUnauthorized() {
        assertEquals(401, refused(withCredentials(ACCOUNT_ID, WRONG_PASSCODE)).getStatus());
        assertEquals(401, refused(withCredentials("W9R-46Z-OTHER", PASSCODE)).getStatus(), "another account's id");
    }

    @Test
    void onlyOneOfTheTwoCleverTapHeadersIsUnauthorized() {
        assertEquals(401, refused(withCredentials(ACCOUNT_ID, null)).getStatus(), "the account id alone");
        assertEquals(401, refused(withCredentials(null, PASSCODE)).getStatus(), "the passcode alone");

        Message withTokenToo = withCredentials(ACCOUNT_ID, null);
        withTokenToo.setHeader("Authorization", "Bearer " + TOKEN);
        assertEquals(401, refused(withTokenToo).getStatus(), "half the CleverTap headers are not ignored for the token");
    }

    @Test
    void nothingConfiguredRefusesEveryCall() {
        RestCallers unconfigured = new RestCallers();
        unconfigured.setToken("");
        unconfigured.setAccountId("");
        unconfigured.setPasscode("");

        assertEquals(401, refused(unconfigured, withToken("")).getStatus());
        assertEquals(401, refused(unconfigured, withCredentials("", "")).getStatus());
        assertEquals(401, refused(unconfigured, withToken(TOKEN)).getStatus());
    }

    @Test
    void cleverTapCredentialsSwitchedOffAreRefusedEvenWhenRight() {
        callers.setClevertapCredentials(false);

        assertEquals(401, refused(withCredentials(ACCOUNT_ID, PASSCODE)).getStatus());
        assertDoesNotThrow(() -> callers.check(withToken(TOKEN)), "the token is still taken");
    }

    @Test
    void cleverTapCredentialsWithoutATokenConfiguredAreTheOnlyWayIn() {
        callers.setToken("");

        assertDoesNotThrow(() -> callers.check(withCredentials(ACCOUNT_ID, PASSCODE)));
        assertEquals(401, refused(withToken(TOKEN)).getStatus());
    }

    @Test
    void theRightBearerTokenIsAccepted() {
        assertDoesNotThrow(() -> callers.check(withToken(TOKEN)));
    }

    @Test
    void theRightAccountIdAndPasscodeAreAccepted() {
        assertDoesNotThrow(() -> callers.check(withCredentials(ACCOUNT_ID, PASSCODE)));
        assertDoesNotThrow(() -> callers.check(withCredentials(" " + ACCOUNT_ID + " ", PASSCODE)),
                "spaces around a header value are not part of it");
    }

    @Test
    void aJsonContentTypeWithParametersOrInAnotherCaseIsAccepted() {
        Message request = withToken(TOKEN);
        request.setHeader(Exchange.CONTENT_TYPE, "Application/JSON; charset=utf-8");

        assertDoesNotThrow(() -> callers.check(request));
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        Message text = withToken(TOKEN);
        text.setHeader(Exchange.CONTENT_TYPE, "text/plain");
        assertEquals(415, refused(text).getStatus());

        Message none = withToken(TOKEN);
        none.removeHeader(Exchange.CONTENT_TYPE);
        assertEquals(415, refused(none).getStatus(), "no content type");
    }

    @Test
    void aRefusalNeverShowsTheConfiguredOrTheGivenSecrets() {
        Message[] requests = {withToken(WRONG_TOKEN), withCredentials(ACCOUNT_ID, WRONG_PASSCODE),
                withCredentials(null, PASSCODE), withCredentials(ACCOUNT_ID, null), post()};
        for (Message request : requests) {
            IntakeRefusedException e = refused(request);
            assertFalse(e.getMessage().contains(PASSCODE), "a refusal shows the configured passcode");
            assertFalse(e.getMessage().contains(WRONG_PASSCODE), "a refusal shows the given passcode");
            assertFalse(e.getMessage().contains(TOKEN), "a refusal shows the configured token");
            assertFalse(e.getMessage().contains(WRONG_TOKEN), "a refusal shows the given token");
        }
        callers.setClevertapCredentials(false);
        assertFalse(refused(withCredentials(ACCOUNT_ID, PASSCODE)).getMessage().contains(PASSCODE),
                "a refusal of switched-off credentials shows the passcode");
    }

    private IntakeRefusedException refused(Message request) {
        return refused(callers, request);
    }

    private static IntakeRefusedException refused(RestCallers callers, Message request) {
        // the refusal's message is not shown here: it is what is checked for secrets
        return assertThrows(IntakeRefusedException.class, () -> callers.check(request), "the call was taken");
    }

    @Test
    void overPlainHttpCleverTapCredentialsFromAnotherMachineAreRefusedUnlessTheNetworkIsTrusted() {
        Message fromTheNetwork = postFrom("192.0.2.7");
        fromTheNetwork.setHeader("X-CleverTap-Account-Id", ACCOUNT_ID);
        fromTheNetwork.setHeader("X-CleverTap-Passcode", PASSCODE);
        IntakeRefusedException refusal = refused(fromTheNetwork);
        assertEquals(401, refusal.getStatus());
        assertFalse(refusal.getMessage().contains(PASSCODE));

        Message tokenFromTheNetwork = postFrom("192.0.2.7");
        tokenFromTheNetwork.setHeader("Authorization", "Bearer " + TOKEN);
        assertDoesNotThrow(() -> callers.check(tokenFromTheNetwork));

        callers.setTrustedNetwork(true);
        assertDoesNotThrow(() -> callers.check(fromTheNetwork), "behind a TLS-terminating proxy");
        callers.setTrustedNetwork(false);
        callers.setTlsEnabled(true);
        assertDoesNotThrow(() -> callers.check(fromTheNetwork), "over TLS");
    }

    /** A POST from this machine (a loopback caller, as platform-http says it). */
    private Message post() {
        return postFrom("127.0.0.1");
    }

    private Message postFrom(String callerAddress) {
        Message request = new DefaultExchange(context).getMessage();
        request.setHeader(Exchange.HTTP_METHOD, "POST");
        request.setHeader(Exchange.CONTENT_TYPE, "application/json");
        request.setHeader(VertxPlatformHttpConstants.REMOTE_ADDRESS, SocketAddress.inetSocketAddress(40_000, callerAddress));
        return request;
    }

    private Message withToken(String token) {
        Message request = post();
        request.setHeader("Authorization", "Bearer " + token);
        return request;
    }

    private Message withCredentials(String accountId, String passcode) {
        Message request = post();
        if (accountId != null) {
            request.setHeader("X-CleverTap-Account-Id", accountId);
        }
        if (passcode != null) {
            request.setHeader("X-CleverTap-Passcode", passcode);
        }
        return request;
    }
}
