package org.disassociate.clevertap.intake.rest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.RestCalls;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST intake as a drop-in for CleverTap's endpoint: a client written against CleverTap's API, pointed here by
 * changing only the host, through the real HTTP port against the API stand-in.
 */
class RestDropInTest extends ApplicationTestSupport {

    /** The API page's example body, as it is written there. */
    private static final String PAGE_BODY =
            "{\"d\": [{\"type\": \"phone\", \"value\": \"+919213231415\"},{\"type\": \"phone\",\"value\": \"+919213231416\"}]}";

    /** A client written against CleverTap's API: CleverTap's own headers, with this account's credentials. */
    private RestCalls cleverTapClient() {
        return rest().json().cleverTap(CleverTapStandIn.ACCOUNT_ID, CleverTapStandIn.PASSCODE);
    }

    /** A caller with the intake's token that waits for CleverTap's answer. */
    private RestCalls waitingFor(int seconds) {
        return rest().json().bearer(TOKEN).waitingFor(seconds);
    }

    private static List<String> unprocessedValues(JsonNode answer) {
        List<String> values = new ArrayList<>();
        answer.path("unprocessed")
                .forEach(u -> values.add(u.path("record").path("value").asText()));
        return values;
    }

    @Test
    void thePagesExactRequestIsTakenWithCleverTapsCredentials() throws Exception {
        HttpResponse<String> response = cleverTapClient().at("/1/disassociate/").post(PAGE_BODY);

        assertEquals(202, response.statusCode(), response.body());
        JsonNode answer = json(response);
        assertEquals("success", answer.path("status").asText(), "accepted for delivery is not a failure");
        assertEquals(2, answer.path("accepted").asInt());
        assertEquals(0, answer.path("unprocessed").size());
        await().atMost(WAIT).until(() -> standIn.delivered().size() == 2);
        assertEquals(List.of("+919213231415", "+919213231416"), standIn.delivered());
    }

    @Test
    void aWrongPasscodeOrAccountIs401AndNothingIsSent() throws Exception {
        Map<String, RestCalls> callers = Map.of(
                "a wrong passcode", rest().json().cleverTap(CleverTapStandIn.ACCOUNT_ID, "wrong-passcode"),
                "another account", rest().json().cleverTap("OTHER-ACCOUNT", CleverTapStandIn.PASSCODE),
                "no passcode", rest().json().cleverTap(CleverTapStandIn.ACCOUNT_ID, null));
        for (Map.Entry<String, RestCalls> caller : callers.entrySet()) {
            HttpResponse<String> response = caller.getValue().post(PAGE_BODY);
            assertEquals(401, response.statusCode(), caller.getKey());
            assertTrue(json(response).path("error").asText().contains("X-CleverTap"), response.body());
            assertFalse(response.body().contains(CleverTapStandIn.PASSCODE));
        }
        assertEquals(0, standIn.requests().size());
    }

    @Test
    void aDryRunIsAnsweredWithCleverTapsValidationAndItsNumbersNeverReachCleverTapForReal() throws Exception {
        HttpResponse<String> response = cleverTapClient()
                .at("/1/disassociate/")
                .dryRun()
                .postNumbers(List.of("+919812345601", "+919812345699", "not-a-number"));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = json(response);
        assertTrue(answer.path("dryRun").asBoolean());
        assertEquals("partial", answer.path("status").asText());
        assertEquals(1, answer.path("processed").asInt());
        assertEquals(List.of("not-a-number", "+919812345699"), unprocessedValues(answer));
        assertEquals(601, answer.path("unprocessed").get(0).path("code").asInt(), "this service's validation");
        assertEquals("fail", answer.path("unprocessed").get(0).path("status").asText());
        assertEquals(523, answer.path("unprocessed").get(1).path("code").asInt(), "CleverTap's own code");
        assertEquals(1, standIn.requests().size());
        // never without dryRun=1: not now, and not later from a spool or a batch
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> standIn.requests().stream()
                        .allMatch(r -> "1"
                                .equals(r.getRequest().queryParameter("dryRun").firstValue())));
        assertEquals(1, standIn.requests().size());
        assertTrue(errors().isEmpty(), "a dry run writes nothing to the error channel");
    }

    @Test
    void aCallerWhoWaitsGetsCleverTapsAnswerWithItsCodes() throws Exception {
        HttpResponse<String> response = waitingFor(20).postNumbers(List.of("+919812345601", "+919812345699", "12"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "wait=20", response.headers().firstValue("Preference-Applied").orElse(null));
        JsonNode answer = json(response);
        assertEquals("partial", answer.path("status").asText());
        assertEquals(1, answer.path("processed").asInt());
        assertEquals(List.of("12", "+919812345699"), unprocessedValues(answer));
        assertEquals(601, answer.path("unprocessed").get(0).path("code").asInt());
        assertEquals(523, answer.path("unprocessed").get(1).path("code").asInt(), "the stand-in's code for the number");
        assertEquals(List.of("+919812345601", "+919812345699"), standIn.delivered());
    }

    @Test
    void aWaitThatRunsOutIsAnswered202AndTheNumbersAreDeliveredLater() throws Exception {
        standIn.answerAfter(3000);

        HttpResponse<String> response = waitingFor(1).postNumbers(List.of("+919812345601"));

        assertEquals(202, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Preference-Applied").isEmpty());
        assertEquals("success", json(response).path("status").asText());
        await().atMost(WAIT).until(() -> standIn.delivered().contains("+919812345601"));
    }

    @Test
    void waitingCallersShareBatches() throws Exception {
        int callers = 6;
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                numbers.add(indian(600_000 + c * 100L + i));
            }
            answers.add(HTTP.sendAsync(
                    waitingFor(30).request(TestFiles.disassociateBody(numbers)), HttpResponse.BodyHandlers.ofString()));
        }

        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(20, json(response).path("processed").asInt());
            assertEquals("success", json(response).path("status").asText());
        }
        assertEquals(callers * 20, standIn.delivered().size());
        assertTrue(
                standIn.requests().size() < callers,
                "numbers of waiting callers travel together: "
                        + standIn.requests().size() + " requests for " + callers + " callers");
    }

    @Test
    void aRequestWithNoValidNumberIsAFailNotASuccess() throws Exception {
        HttpResponse<String> response = cleverTapClient().postNumbers(List.of("12", "not-a-number"));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = json(response);
        assertEquals("fail", answer.path("status").asText());
        assertEquals(0, answer.path("processed").asInt());
        assertEquals(0, answer.path("accepted").asInt());
        assertEquals(List.of("12", "not-a-number"), unprocessedValues(answer));
    }

    @Test
    void aWrongMethodIs405WithAllowAndAnEmptyListIs400() throws Exception {
        HttpResponse<String> get = rest().bearer(TOKEN).get();
        assertEquals(405, get.statusCode(), get.body());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(null));
        assertTrue(json(get).path("error").asText().contains("POST"));

        HttpResponse<String> empty = cleverTapClient().post("{\"d\":[]}");
        assertEquals(400, empty.statusCode(), empty.body());
        assertTrue(json(empty).path("error").asText().contains("no records"), empty.body());
        assertEquals(0, standIn.requests().size());
    }

    @Test
    void anAnswerCarriesNoneOfTheRequestsHeaders() throws Exception {
        HttpResponse<String> response =
                cleverTapClient().header("X-Request-Trace", "trace-7").post(PAGE_BODY);

        assertEquals(202, response.statusCode(), response.body());
        for (String requestHeader : List.of("X-Request-Trace", "X-CleverTap-Account-Id", "X-CleverTap-Passcode")) {
            assertTrue(
                    response.headers().firstValue(requestHeader).isEmpty(),
                    requestHeader + " came back in the answer's headers: "
                            + response.headers().map().keySet());
        }
        assertFalse(response.body().contains(CleverTapStandIn.PASSCODE));
    }

    @Test
    void aBodyWithAnythingAfterItsJsonIs400AndNothingIsTaken() throws Exception {
        HttpResponse<String> glued = cleverTapClient().post(PAGE_BODY + "garbage");

        assertEquals(400, glued.statusCode(), glued.body());
        assertTrue(json(glued).path("error").asText().contains("malformed JSON"), glued.body());
        assertEquals(0, standIn.requests().size());
    }
}
