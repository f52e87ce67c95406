package org.disassociate.clevertap.api;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.disassociate.clevertap.model.ApiException;
import org.disassociate.clevertap.model.DisassociateResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CleverTap's HTTP answer to a batch: the answer, a retry (with its wait), or a refusal of the whole batch. */
class AnswerReaderTest {

    private static final String PASSCODE = "pass-of-the-account-42";

    private final CamelContext context = new DefaultCamelContext();
    private final RetryAfter retryAfter = new RetryAfter();
    private final AnswerReader reader = new AnswerReader();

    AnswerReaderTest() {
        reader.setRetryAfter(retryAfter);
    }

    @AfterEach
    void closeContext() throws Exception {
        context.close();
    }

    @Test
    void aSuccessWithCleverTapsJsonIsTheAnswer() throws ApiException {
        DisassociateResponse response =
                reader.read(answer(200, "{\"status\":\"success\",\"processed\":2,\"unprocessed\":[]}"));

        assertEquals("success", response.status());
        assertEquals(2, response.processed());
        assertTrue(response.unprocessedOrEmpty().isEmpty());
    }

    @Test
    void aSuccessThatListsUnprocessedRecordsIsTheAnswerWithThem() throws ApiException {
        DisassociateResponse response = reader.read(
                answer(
                        200,
                        "{\"status\":\"success\",\"processed\":1,\"unprocessed\":"
                                + "[{\"status\":\"fail\",\"code\":555,\"error\":\"Invalid phone\",\"record\":{\"type\":\"phone\",\"value\":\"+919860012345\"}}]}"));

        assertEquals("success", response.status());
        assertEquals(1, response.unprocessedOrEmpty().size());
        assertEquals(555, response.unprocessedOrEmpty().get(0).code());
        assertEquals("Invalid phone", response.unprocessedOrEmpty().get(0).error());
    }

    @Test
    void aFailThatNamesItsRecordsIsTheAnswerNotARefusalOfTheBatch() throws ApiException {
        DisassociateResponse response = reader.read(
                answer(
                        200,
                        "{\"status\":\"fail\",\"processed\":0,\"unprocessed\":"
                                + "[{\"code\":1,\"error\":\"bad\",\"record\":\"{\\\"type\\\":\\\"phone\\\",\\\"value\\\":\\\"+919860012345\\\"}\"}]}"));

        assertEquals("fail", response.status());
        assertEquals(1, response.unprocessedOrEmpty().size());
    }

    @Test
    void aFailNamingNoRecordRefusesTheBatch() {
        RejectedBatchException e = assertThrows(
                RejectedBatchException.class,
                () -> reader.read(answer(200, "{\"status\":\"fail\",\"error\":\"Account disabled\"}")));

        assertTrue(e.getMessage().contains("status fail"), e.getMessage());
        assertTrue(e.getMessage().contains("Account disabled"), "CleverTap's text is kept: " + e.getMessage());
    }

    @Test
    void aSuccessStatusWhoseBodyIsNotCleverTapsJsonIsRetried() {
        RetryableApiException html = assertThrows(
                RetryableApiException.class,
                () -> reader.read(answer(200, "<html><body>Gateway says OK</body></html>")));
        assertEquals(200, html.getStatus());
        assertTrue(html.getMessage().contains("not CleverTap's JSON"), html.getMessage());

        assertThrows(RetryableApiException.class, () -> reader.read(answer(204, null)));
        assertThrows(RetryableApiException.class, () -> reader.read(answer(200, "null")));
        assertThrows(RetryableApiException.class, () -> reader.read(answer(200, "[]")));
    }

    @Test
    void tooManyRequestsTimeoutsAndServerErrorsAreRetried() {
        for (int status : new int[] {429, 408, 500, 502, 503, 504}) {
            RetryableApiException e = assertThrows(
                    RetryableApiException.class,
                    () -> reader.read(answer(status, "{\"status\":\"fail\",\"error\":\"busy\"}")),
                    "HTTP " + status);
            assertEquals(status, e.getStatus());
            assertTrue(e.getMessage().startsWith("HTTP " + status + ": "), e.getMessage());
        }
    }

    @Test
    void theRetryAfterWaitIsHandedToCamelsRedelivery() {
        Exchange exchange = answer(429, "{}");
        exchange.getMessage().setHeader("Retry-After", "3");

        assertThrows(RetryableApiException.class, () -> reader.read(exchange));

        assertEquals(3_000L, exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void theRetryAfterWaitIsCappedByTheMaximumDelay() {
        retryAfter.setMaxMillis(1_500);
        Exchange exchange = answer(503, "");
        exchange.getMessage().setHeader("Retry-After", "3600");

        assertThrows(RetryableApiException.class, () -> reader.read(exchange));

        assertEquals(1_500L, exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void aRetryWithoutRetryAfterDoesNotKeepTheWaitOfAnEarlierAnswer() {
        Exchange exchange = answer(500, "oops");
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, 9_000L);

        assertThrows(RetryableApiException.class, () -> reader.read(exchange));

        assertNull(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void aRefusalIsNeverGivenARetryWait() {
        Exchange exchange = answer(400, "bad request");
        exchange.getMessage().setHeader("Retry-After", "3");

        assertThrows(RejectedBatchException.class, () -> reader.read(exchange));

        assertNull(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void badRequestUnauthorizedForbiddenAndNotFoundRefuseTheBatchWithTheirStatus() {
        for (int status : new int[] {400, 401, 403, 404}) {
            RejectedBatchException e = assertThrows(
                    RejectedBatchException.class,
                    () -> reader.read(answer(status, "{\"status\":\"fail\",\"error\":\"Invalid credentials\"}")),
                    "HTTP " + status);
            assertEquals(status, e.getStatus());
            assertTrue(e.getMessage().startsWith("HTTP " + status + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("Invalid credentials"), "CleverTap's text is kept: " + e.getMessage());
        }
    }

    @Test
    void anAnswerWithoutABodySaysSo() {
        RejectedBatchException e = assertThrows(RejectedBatchException.class, () -> reader.read(answer(401, "  ")));

        assertEquals("HTTP 401: (no body)", e.getMessage());
    }

    @Test
    void theMessageNeverContainsTheRequestsHeaders() {
        for (int status : new int[] {200, 401, 429, 500}) {
            Exchange exchange = answer(status, status == 200 ? "not json" : "{\"status\":\"fail\"}");
            exchange.getMessage().setHeader("X-CleverTap-Account-Id", "ACCOUNT-ID-7");
            exchange.getMessage().setHeader("X-CleverTap-Passcode", PASSCODE);
            exchange.getMessage().setHeader("Authorization", "Bearer " + PASSCODE);
            exchange.getMessage().setHeader("Retry-After", "1");

            ApiException e = assertThrows(ApiException.class, () -> reader.read(exchange), "HTTP " + status);

            assertFalse(e.getMessage().contains(PASSCODE), "HTTP " + status + ": the message shows the passcode");
            assertFalse(
                    e.getMessage().contains("ACCOUNT-ID-7"), "HTTP " + status + ": the message shows the account id");
            assertFalse(
                    e.getMessage().contains("Passcode") || e.getMessage().contains("Authorization"),
                    "HTTP " + status + ": the message names request headers");
        }
    }

    private Exchange answer(int status, String body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
