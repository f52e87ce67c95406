package org.disassociate.clevertap.intake.rest;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.TestFiles;
import org.disassociate.clevertap.testing.TwoAccountsTestSupport;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A REST caller's account: the one whose CleverTap credentials it shows, or the one a bearer caller names with
 * {@code X-CleverTap-Account-Id}; all its numbers go there, whatever their country. Two accounts, each with its
 * stand-in ({@link TwoAccountsTestSupport}).
 */
class RestAccountsTest extends TwoAccountsTestSupport {

    @Test
    void anAccountsCredentialsSendAllItsNumbersToThatAccountWhateverTheirCountry() throws Exception {
        List<String> indian = List.of(indian(1), indian(2));
        HttpResponse<String> toSea =
                rest().cleverTap(SEA_ID, SEA_PASSCODE).json().postNumbers(indian);
        List<String> singaporean = List.of(singaporean(1));
        HttpResponse<String> toDefault = rest().cleverTap(CleverTapStandIn.ACCOUNT_ID, CleverTapStandIn.PASSCODE)
                .json()
                .postNumbers(singaporean);

        assertEquals(202, toSea.statusCode(), toSea.body());
        assertEquals(202, toDefault.statusCode(), toDefault.body());
        await().atMost(WAIT).until(() -> seaStandIn.allValues().size() == 2);
        await().atMost(WAIT).until(() -> standIn.allValues().size() == 1);
        assertEquals(indian, seaStandIn.allValues(), "Indian numbers, by sea's credentials, to sea only");
        assertEquals(singaporean, standIn.allValues(), "a Singapore number, by the default account's, to it only");
    }

    @Test
    void aWrongPasscodeIs401WithoutThePasscodeAndNothingIsSpooled() throws Exception {
        String guessed = "PASS-Guessed-0000";
        for (var caller : List.of(
                rest().cleverTap(SEA_ID, guessed),
                rest().cleverTap(SEA_ID, CleverTapStandIn.PASSCODE),
                rest().cleverTap(CleverTapStandIn.ACCOUNT_ID, SEA_PASSCODE))) {
            HttpResponse<String> response = caller.json().postNumbers(List.of(indian(10)));

            assertEquals(401, response.statusCode(), response.body());
            String error = json(response).path("error").asText();
            assertTrue(error.contains("X-CleverTap-Passcode"), error);
            for (String secret : List.of(guessed, SEA_PASSCODE, CleverTapStandIn.PASSCODE)) {
                assertFalse(response.body().contains(secret), "the answer shows a passcode");
            }
            assertEquals(List.of(), spooled(), "nothing of a refused call is spooled");
        }

        // a call taken afterwards is delivered alone: nothing of the refused ones came before it
        assertEquals(
                202,
                rest().cleverTap(SEA_ID, SEA_PASSCODE)
                        .json()
                        .postNumbers(List.of(indian(11)))
                        .statusCode());
        await().atMost(WAIT).until(() -> seaStandIn.allValues().size() == 1);
        assertEquals(List.of(indian(11)), seaStandIn.allValues());
        assertEquals(List.of(), standIn.allValues());
    }

    @Test
    void aBearerCallerNamesTheAccountByIdOrByName() throws Exception {
        assertEquals(
                202,
                rest().bearer(TOKEN)
                        .header("X-CleverTap-Account-Id", SEA_ID)
                        .json()
                        .postNumbers(List.of(indian(20)))
                        .statusCode());
        assertEquals(
                202,
                rest().bearer(TOKEN)
                        .header("X-CleverTap-Account-Id", SEA)
                        .json()
                        .postNumbers(List.of(indian(21)))
                        .statusCode());
        assertEquals(
                202,
                rest().bearer(TOKEN)
                        .header("X-CleverTap-Account-Id", "default")
                        .json()
                        .postNumbers(List.of(singaporean(22)))
                        .statusCode());

        await().atMost(WAIT).until(() -> seaStandIn.allValues().size() == 2);
        await().atMost(WAIT).until(() -> standIn.allValues().size() == 1);
        assertEquals(
                List.of(indian(20), indian(21)),
                seaStandIn.allValues().stream().sorted().toList());
        assertEquals(List.of(singaporean(22)), standIn.allValues());
    }

    @Test
    void aBearerCallerNamingNoAccountHasItsNumbersGoByCountry() throws Exception {
        assertEquals(
                202,
                postJson(TestFiles.disassociateBody(List.of(indian(30), singaporean(31))))
                        .statusCode());

        await().atMost(WAIT)
                .until(() -> seaStandIn.allValues().size() == 1
                        && standIn.allValues().size() == 1);
        assertEquals(List.of(singaporean(31)), seaStandIn.allValues(), "sea lists Singapore");
        assertEquals(List.of(indian(30)), standIn.allValues(), "the default account takes the others");
    }

    @Test
    void aBearerCallerNamingAnUnknownAccountIs400SayingWhichAndNothingIsTaken() throws Exception {
        HttpResponse<String> response = rest().bearer(TOKEN)
                .header("X-CleverTap-Account-Id", "TEST-ACCOUNT-EU")
                .json()
                .postNumbers(List.of(indian(40)));

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(
                json(response).path("error").asText().contains("'TEST-ACCOUNT-EU' names no account"), response.body());
        assertEquals(List.of(), spooled());
    }

    @Test
    void aWaitingCallerOfAnAccountGetsThatAccountsAnswer() throws Exception {
        // the stand-in refuses numbers ending in 99 (523): the answer is sea's
        HttpResponse<String> response = rest().cleverTap(SEA_ID, SEA_PASSCODE)
                .json()
                .waitingFor(20)
                .postNumbers(List.of(indian(50), indian(199)));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = json(response);
        assertEquals(1, answer.path("processed").asInt(), response.body());
        assertEquals(523, answer.path("unprocessed").get(0).path("code").asInt(), response.body());
        assertEquals(List.of(indian(50), indian(199)), seaStandIn.allValues());
        assertEquals(List.of(), standIn.allValues());
    }

    @Test
    void aDryRunGoesToTheCallersAccount() throws Exception {
        HttpResponse<String> response =
                rest().cleverTap(SEA_ID, SEA_PASSCODE).json().dryRun().postNumbers(List.of(indian(60)));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(json(response).path("dryRun").asBoolean(), response.body());
        assertEquals(1, seaStandIn.requests().size());
        assertTrue(seaStandIn.requests().get(0).getRequest().getUrl().contains("dryRun=1"));
        assertEquals(List.of(), standIn.requests());
    }
}
