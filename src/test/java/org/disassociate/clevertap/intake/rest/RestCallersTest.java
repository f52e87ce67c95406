package org.disassociate.clevertap.intake.rest;

import java.util.Set;

import io.vertx.core.net.SocketAddress;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.Passcode;
import org.disassociate.clevertap.model.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call the REST intake, and which account its numbers go to: the bearer token (naming an account, or none), or
 * a configured account's CleverTap id and passcode. The secrets are test values, and no assertion message or refusal
 * shows them.
 */
class RestCallersTest {

    private static final String TOKEN = "intake-token-0123456789";
    private static final String ACCOUNT_ID = "W9R-46Z-TEST";
    private static final String PASSCODE = "passcode-AbCdEf-987";
    private static final String WRONG_TOKEN = "guessed-token-555";
    private static final String WRONG_PASSCODE = "guessed-passcode-555";

    private static final String SEA_ID = "W9R-46Z-SEA";
    private static final String SEA_PASSCODE = "passcode-Sea-321";

    private final CamelContext context = new DefaultCamelContext();
    private final RestCallers callers = new RestCallers();

    RestCallersTest() {
        Accounts accounts = new Accounts();
        accounts.add(account(Account.DEFAULT, ACCOUNT_ID, PASSCODE));
        accounts.add(account("sea", SEA_ID, SEA_PASSCODE));
        callers.setToken(TOKEN);
        callers.setAccounts(accounts);
        callers.setClevertapCredentials(true);
    }

    private static Account account(String name, String accountId, String passcode) {
        return new Account(
                name,
                accountId,
                new Passcode(passcode),
                "in1",
                "https://in1.api.clevertap.com",
                Set.of(),
                false,
                3,
                0,
                "IN",
                false);
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

        Message withTokenToo = withCredentials(null, PASSCODE);
        withTokenToo.setHeader("Authorization", "Bearer " + TOKEN);
        assertEquals(401, refused(withTokenToo).getStatus(), "a passcode is checked, also beside the token");
    }

    @Test
    void anAccountsCredentialsNameThatAccount() {
        assertEquals("sea", accountOf(withCredentials(SEA_ID, SEA_PASSCODE)));
        assertEquals(Account.DEFAULT, accountOf(withCredentials(ACCOUNT_ID, PASSCODE)));
    }

    @Test
    void anAccountIdWithAnotherAccountsPasscodeIsUnauthorized() {
        assertEquals(401, refused(withCredentials(SEA_ID, PASSCODE)).getStatus());
        assertEquals(401, refused(withCredentials(ACCOUNT_ID, SEA_PASSCODE)).getStatus());
        assertEquals(401, refused(withCredentials("sea", SEA_PASSCODE)).getStatus(), "a name is not an account id");
    }

    @Test
    void aBearerCallerNamesAnAccountByIdOrNameOrNone() {
        Message byId = withToken(TOKEN);
        byId.setHeader("X-CleverTap-Account-Id", SEA_ID);
        assertEquals("sea", accountOf(byId));

        Message byName = withToken(TOKEN);
        byName.setHeader("X-CleverTap-Account-Id", "sea");
        assertEquals("sea", accountOf(byName));

        assertNull(accountOf(withToken(TOKEN)), "none named: each number goes by its country");
    }

    @Test
    void aBearerCallerNamingNoAccountIsABadRequestSayingWhich() {
        Message unknown = withToken(TOKEN);
        unknown.setHeader("X-CleverTap-Account-Id", "W9R-46Z-NOBODY");

        IntakeRefusedException refusal = refused(unknown);

        assertEquals(400, refusal.getStatus());
        assertTrue(refusal.getMessage().contains("'W9R-46Z-NOBODY' names no account"), refusal.getMessage());
    }

    @Test
    void aWrongTokenNamingAnAccountIsUnauthorized() {
        Message request = withToken(WRONG_TOKEN);
        request.setHeader("X-CleverTap-Account-Id", SEA_ID);

        assertEquals(401, refused(request).getStatus());
    }

    @Test
    void nothingConfiguredRefusesEveryCall() {
        RestCallers unconfigured = new RestCallers();
        unconfigured.setToken("");

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
        assertDoesNotThrow(
                () -> callers.check(withCredentials(" " + ACCOUNT_ID + " ", PASSCODE)),
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
        Message[] requests = {
            withToken(WRONG_TOKEN),
            withCredentials(ACCOUNT_ID, WRONG_PASSCODE),
            withCredentials(null, PASSCODE),
            withCredentials(ACCOUNT_ID, null),
            post(),
            withCredentials(SEA_ID, PASSCODE)
        };
        for (Message request : requests) {
            IntakeRefusedException e = refused(request);
            assertFalse(e.getMessage().contains(PASSCODE), "a refusal shows the configured passcode");
            assertFalse(e.getMessage().contains(SEA_PASSCODE), "a refusal shows another account's passcode");
            assertFalse(e.getMessage().contains(WRONG_PASSCODE), "a refusal shows the given passcode");
            assertFalse(e.getMessage().contains(TOKEN), "a refusal shows the configured token");
            assertFalse(e.getMessage().contains(WRONG_TOKEN), "a refusal shows the given token");
        }
        callers.setClevertapCredentials(false);
        assertFalse(
                refused(withCredentials(ACCOUNT_ID, PASSCODE)).getMessage().contains(PASSCODE),
                "a refusal of switched-off credentials shows the passcode");
    }

    /** The account the caller's numbers go to, once its call is taken; null when it names none. */
    private String accountOf(Message request) {
        assertDoesNotThrow(() -> callers.check(request), "the call was refused");
        return request.getExchange().getVariable(Variables.ACCOUNT, String.class);
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
        request.setHeader(
                VertxPlatformHttpConstants.REMOTE_ADDRESS, SocketAddress.inetSocketAddress(40_000, callerAddress));
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
