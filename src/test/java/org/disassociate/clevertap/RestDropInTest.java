package org.disassociate.clevertap;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
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

    private HttpResponse<String> post(String pathAndQuery, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** CleverTap's own headers, with this account's credentials, as the page's request sends them. */
    private static Map<String, String> clevertapHeaders() {
        return Map.of("Content-Type", "application/json", "X-CleverTap-Account-Id", CleverTapStandIn.ACCOUNT_ID,
                "X-CleverTap-Passcode", CleverTapStandIn.PASSCODE);
    }

    private static Map<String, String> waitingFor(int seconds) {
        return Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN, "Prefer", "wait=" + seconds);
    }

    private static List<String> unprocessedValues(JsonNode answer) {
        List<String> values = new ArrayList<>();
        answer.path("unprocessed").forEach(u -> values.add(u.path("record").path("value").asText()));
        return values;
    }

    @Test
    void thePagesExactRequestIsTakenWithCleverTapsCredentials() throws Exception {
        HttpResponse<String> response = post("/1/disassociate/", clevertapHeaders(), PAGE_BODY);

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
        for (Map<String, String> headers : List.of(
                Map.of("Content-Type", "application/json", "X-CleverTap-Account-Id", CleverTapStandIn.ACCOUNT_ID,
                        "X-CleverTap-Passcode", "wrong-passcode"),
                Map.of("Content-Type", "application/json", "X-CleverTap-Account-Id", "OTHER-ACCOUNT",
                        "X-CleverTap-Passcode", CleverTapStandIn.PASSCODE),
                Map.of("Content-Type", "application/json", "X-CleverTap-Account-Id", CleverTapStandIn.ACCOUNT_ID))) {
            HttpResponse<String> response = post("/1/disassociate", headers, PAGE_BODY);
            assertEquals(401, response.statusCode(), headers.toString());
            assertTrue(json(response).path("error").asText().contains("X-CleverTap"), response.body());
            assertFalse(response.body().contains(CleverTapStandIn.PASSCODE));
        }
        assertEquals(0, standIn.requests().size());
    }

    @Test
    void aDryRunIsAnsweredWithCleverTapsValidationAndItsNumbersNeverReachCleverTapForReal() throws Exception {
        String body = TestFiles.disassociateBody(List.of("+919812345601", "+919812345699", "not-a-number"));

        HttpResponse<String> response = post("/1/disassociate/?dryRun=1", clevertapHeaders(), body);

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
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> standIn.requests().stream()
                .allMatch(r -> "1".equals(r.getRequest().queryParameter("dryRun").firstValue())));
        assertEquals(1, standIn.requests().size());
        assertTrue(errors().isEmpty(), "a dry run writes nothing to the error channel");
    }

    @Test
    void aCallerWhoWaitsGetsCleverTapsAnswerWithItsCodes() throws Exception {
        String body = TestFiles.disassociateBody(List.of("+919812345601", "+919812345699", "12"));

        HttpResponse<String> response = post("/1/disassociate", waitingFor(20), body);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("wait=20", response.headers().firstValue("Preference-Applied").orElse(null));
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

        HttpResponse<String> response = post("/1/disassociate", waitingFor(1),
                TestFiles.disassociateBody(List.of("+919812345601")));

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
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + "/1/disassociate"))
                    .POST(HttpRequest.BodyPublishers.ofString(TestFiles.disassociateBody(numbers)));
            waitingFor(30).forEach(request::header);
            answers.add(HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()));
        }

        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(20, json(response).path("processed").asInt());
            assertEquals("success", json(response).path("status").asText());
        }
        assertEquals(callers * 20, standIn.delivered().size());
        assertTrue(standIn.requests().size() < callers, "numbers of waiting callers travel together: "
                + standIn.requests().size() + " requests for " + callers + " callers");
    }

    @Test
    void aRequestWithNoValidNumberIsAFailNotASuccess() throws Exception {
        HttpResponse<String> response = post("/1/disassociate", clevertapHeaders(),
                TestFiles.disassociateBody(List.of("12", "not-a-number")));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = json(response);
        assertEquals("fail", answer.path("status").asText());
        assertEquals(0, answer.path("processed").asInt());
        assertEquals(0, answer.path("accepted").asInt());
        assertEquals(List.of("12", "not-a-number"), unprocessedValues(answer));
    }

    @Test
    void aWrongMethodIs405WithAllowAndAnEmptyListIs400() throws Exception {
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort
                + "/1/disassociate")).header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode(), get.body());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(null));
        assertTrue(json(get).path("error").asText().contains("POST"));

        HttpResponse<String> empty = post("/1/disassociate", clevertapHeaders(), "{\"d\":[]}");
        assertEquals(400, empty.statusCode(), empty.body());
        assertTrue(json(empty).path("error").asText().contains("no records"), empty.body());
        assertEquals(0, standIn.requests().size());
    }
}
