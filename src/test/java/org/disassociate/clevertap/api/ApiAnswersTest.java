package org.disassociate.clevertap.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each kind of answer from CleverTap does to the numbers of a batch. */
class ApiAnswersTest extends ApplicationTestSupport {

    /** clevertap.retry.max-delay-ms, as ApplicationTestSupport sets it; the back-off starts at 50 ms. */
    private static final long MAX_DELAY_MS = 400;
    /** How much later than the cap a retry may come: the 429's reading, the redelivery, the request's sending. */
    private static final long SLACK_MS = 3_000;

    private static final String A = "+919812345601";
    private static final String B = "+919812345602";
    private static final String C = "+919812345603";

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private void send(String name) {
        drop(name, A + "\n" + B + "\n" + C + "\n");
        awaitDone(name);
    }

    @Test
    void partialAnswerSendsOnlyTheUnprocessedRecordToTheErrorChannel() {
        standIn.answerAlways(json(200, """
                {"status":"partial","processed":2,"unprocessed":[
                  {"status":"fail","code":516,"error":"Invalid phone number","record":{"type":"phone","value":"%s"}}]}
                """.formatted(B)));

        send("partial.txt");

        List<JsonNode> errors = errors();
        assertEquals(List.of(B), errorValues());
        assertEquals(516, errors.get(0).path("code").asInt());
        assertEquals("Invalid phone number", errors.get(0).path("error").asText());
    }

    @Test
    void successWithUnprocessedRecordsAsJsonStringsStillReachesTheErrorChannel() {
        standIn.answerAlways(json(200, """
                {"status":"success","processed":1,"unprocessed":[
                  {"status":"fail","code":523,"error":"Phone is not an identity","record":"{\\"type\\":\\"phone\\",\\"value\\":\\"%s\\"}"},
                  {"status":"fail","code":516,"error":"Invalid phone number","record":"%s"}]}
                """.formatted(A, C)));

        send("success-but.txt");

        assertEquals(List.of(A, C), errorValues());
        assertEquals(
                List.of(523, 516),
                errors().stream().map(e -> e.path("code").asInt()).toList());
    }

    @Test
    void failStatusSendsEveryListedRecordToTheErrorChannel() {
        standIn.answerAlways(json(200, """
                {"status":"fail","processed":0,"unprocessed":[
                  {"status":"fail","code":523,"error":"e","record":{"type":"phone","value":"%s"}},
                  {"status":"fail","code":523,"error":"e","record":{"type":"phone","value":"%s"}},
                  {"status":"fail","code":523,"error":"e","record":{"type":"phone","value":"%s"}}]}
                """.formatted(A, B, C)));

        send("fail.txt");

        assertEquals(List.of(A, B, C), errorValues());
    }

    @Test
    void tooManyConcurrentRequestsIsRetriedAndThenDelivered() {
        standIn.answerFirst(json(429, "{\"status\":\"fail\",\"error\":\"Too many concurrent requests\"}"));

        send("busy.txt");

        assertEquals(2, standIn.requests().size());
        assertEquals(List.of(A, B, C), standIn.batches().get(1));
        assertTrue(errors().isEmpty());
    }

    @Test
    void retryAfterIsHonouredButCapped() {
        // Retry-After asks for an hour; the cap (clevertap.retry.max-delay-ms) wins. Honoured: the retry waits the
        // capped Retry-After, not the back-off's 50 ms. Capped: it comes within the cap and some slack, not in an hour.
        standIn.answerFirst(json(429, "{}").withHeader("Retry-After", "3600"));

        drop("retry-after.txt", A + "\n" + B + "\n" + C + "\n");
        await().atMost(WAIT).until(() -> standIn.requests().size() >= 1);
        await("the retry within " + MAX_DELAY_MS + " ms and " + SLACK_MS + " ms of slack, not after an hour")
                .atMost(Duration.ofMillis(MAX_DELAY_MS + SLACK_MS))
                .until(() -> standIn.requests().size() >= 2);
        awaitDone("retry-after.txt");

        assertEquals(2, standIn.requests().size());
        assertEquals(List.of(A, B, C), standIn.batches().get(1));
        long gap = standIn.arrivalGaps().get(0);
        assertTrue(
                gap >= MAX_DELAY_MS,
                "retried " + gap + " ms after a 429 with Retry-After: 3600: honoured up to the " + "cap, "
                        + MAX_DELAY_MS + " ms");
        assertTrue(
                gap < MAX_DELAY_MS + SLACK_MS,
                "retried " + gap + " ms after a 429 with Retry-After: 3600: capped at " + MAX_DELAY_MS + " ms");
    }

    @Test
    void droppedConnectionAndTimeoutAreRetried() {
        standIn.answerInTurn(
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                json(200, "{\"status\":\"success\",\"processed\":3,\"unprocessed\":[]}")
                        .withFixedDelay(3000));

        send("flaky.txt");

        assertEquals(3, standIn.requests().size(), "reset, timed out, delivered");
        assertTrue(errors().isEmpty());
    }

    @Test
    void serverErrorsUntilTheLastRetrySendTheBatchToTheErrorChannelWithTheStatus() {
        standIn.answerAlways(json(500, "{\"status\":\"fail\",\"error\":\"Internal error\"}"));

        send("down.txt");

        assertEquals(1 + 3, standIn.requests().size(), "first attempt and clevertap.retry.max-attempts retries");
        List<JsonNode> errors = errors();
        assertEquals(List.of(A, B, C), errorValues());
        for (JsonNode error : errors) {
            assertEquals(500, error.path("code").asInt());
            assertTrue(error.path("error").asText().contains("Internal error"), error.toString());
        }
    }

    @Test
    void unauthorisedIsNotRetriedAndSaysAWrongRegionCouldBeTheCause() {
        standIn.answerAlways(json(401, "{\"status\":\"fail\",\"error\":\"Invalid Credentials\",\"code\":401}"));

        send("unauthorised.txt");

        assertEquals(1, standIn.requests().size());
        assertEquals(List.of(A, B, C), errorValues());
        assertEquals(401, errors().get(0).path("code").asInt());
        assertTrue(errors().get(0).path("error").asText().contains("Invalid Credentials"));
    }

    @Test
    void unauthorisedAnsweringARetryIsFinalToo() {
        // a 429 first (retried), then 401: the retry's 401 must not burn the remaining retries (a third request would
        // get the normal answer, and deliver the numbers)
        standIn.answerInTurn(
                json(429, "{\"status\":\"fail\",\"error\":\"Too many concurrent requests\"}"),
                json(401, "{\"status\":\"fail\",\"error\":\"Invalid Credentials\",\"code\":401}"));

        send("unauthorised-on-retry.txt");

        assertEquals(2, standIn.requests().size(), "429, then 401 and no further retry");
        assertEquals(List.of(A, B, C), errorValues());
        assertEquals(401, errors().get(0).path("code").asInt());
    }

    @Test
    void badRequestIsNotRetriedAndSendsTheBatchToTheErrorChannelWithCode400() {
        standIn.answerAlways(json(400, "{\"status\":\"fail\",\"error\":\"Malformed JSON\"}"));

        send("bad-request.txt");

        assertEquals(1, standIn.requests().size(), "a 400 is final");
        assertEquals(List.of(A, B, C), errorValues());
        for (JsonNode error : errors()) {
            assertEquals(400, error.path("code").asInt());
            assertTrue(error.path("error").asText().contains("Malformed JSON"), error.toString());
            assertEquals("file:bad-request.txt", error.path("source").asText());
        }
    }

    @Test
    void notFoundIsNotRetriedAndSendsTheBatchToTheErrorChannelWithCode404() {
        standIn.answerAlways(json(404, "{\"status\":\"fail\",\"error\":\"Not found\"}"));

        send("not-found.txt");

        assertEquals(1, standIn.requests().size(), "a 404 is final");
        assertEquals(List.of(A, B, C), errorValues());
        for (JsonNode error : errors()) {
            assertEquals(404, error.path("code").asInt());
        }
    }

    @Test
    void requestTimeoutIsRetriedAndThenDelivered() {
        standIn.answerFirst(json(408, "{\"status\":\"fail\",\"error\":\"Request Timeout\"}"));

        send("timeout-408.txt");

        assertEquals(2, standIn.requests().size());
        assertEquals(List.of(A, B, C), standIn.batches().get(1));
        assertTrue(errors().isEmpty(), errors().toString());
    }

    @Test
    void successStatusWithABodyThatIsNotJsonIsRetriedAndThenDelivered() {
        standIn.answerFirst(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>Gateway says hello</body></html>"));

        send("not-json.txt");

        assertEquals(2, standIn.requests().size(), "the answer that is not CleverTap's JSON, then the normal one");
        assertEquals(List.of(A, B, C), standIn.batches().get(1));
        assertTrue(errors().isEmpty(), errors().toString());
    }

    @Test
    void failStatusNamingNoRecordSendsTheWholeBatchToTheErrorChannelWithoutRetry() {
        standIn.answerAlways(json(200, "{\"status\":\"fail\",\"processed\":0,\"unprocessed\":[]}"));

        send("fail-unnamed.txt");

        assertEquals(1, standIn.requests().size(), "not retried");
        assertEquals(List.of(A, B, C), errorValues());
        for (JsonNode error : errors()) {
            assertTrue(
                    error.path("error").asText().contains("CleverTap answered status fail without naming the records"),
                    error.toString());
        }
    }

    @Test
    void anUnprocessedRecordThatWasNotInTheBatchLeavesTheBatchProcessed() throws Exception {
        String stranger = "+919800000042";
        standIn.answerAlways(json(200, """
                {"status":"partial","processed":3,"unprocessed":[
                  {"status":"fail","code":523,"error":"Phone is not an identity","record":{"type":"phone","value":"%s"}}]}
                """.formatted(stranger)));

        send("stranger.txt");

        Path reportFile = inbox().resolve(".done").resolve("stranger.txt.report.json");
        assertTrue(Files.exists(reportFile), "no run report " + reportFile);
        JsonNode report = CleverTapStandIn.MAPPER.readTree(reportFile.toFile());
        assertEquals(3, report.path("accepted").asInt(), report.toString());
        assertEquals(3, report.path("processed").asInt(), report.toString());
        assertEquals(0, report.path("failed").asInt(), report.toString());
        assertEquals("delivered", report.path("outcome").asText(), report.toString());
        List<JsonNode> errors = errors();
        assertEquals(List.of(stranger), errorValues());
        assertEquals("unknown", errors.get(0).path("source").asText());
        assertEquals(523, errors.get(0).path("code").asInt());
        assertFalse(errors.get(0).path("batch").asText().isEmpty());
    }
}
