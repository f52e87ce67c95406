package org.disassociate.clevertap.api;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a batch is sent again: after Retry-After (capped at max-delay), or after a back-off that grows. */
class RetryTimingTest extends ApplicationTestSupport {

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        p.setProperty("clevertap.retry.initial-delay-ms", "200");
        p.setProperty("clevertap.retry.max-delay-ms", "1500");
        p.setProperty("clevertap.retry.max-attempts", "3");
        return p;
    }

    private static ResponseDefinitionBuilder tooMany() {
        return aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"fail\",\"error\":\"Too many concurrent requests\"}");
    }

    @Test
    void retryAfterOfOneSecondIsWaitedOut() {
        standIn.answerFirst(tooMany().withHeader("Retry-After", "1"));

        drop("busy.txt", numbers(3, 600));
        awaitDone("busy.txt");

        assertEquals(2, standIn.requests().size());
        long gap = standIn.arrivalGaps().get(0);
        // the initial back-off alone would be 200 ms
        assertTrue(gap >= 950, "retried " + gap + " ms after a 429 with Retry-After: 1");
        assertTrue(errors().isEmpty());
    }

    @Test
    void retryAfterOfAnHourIsCappedAtMaxDelay() {
        standIn.answerFirst(tooMany().withHeader("Retry-After", "3600"));

        drop("busy-for-an-hour.txt", numbers(3, 700));
        await("the retry, within seconds rather than an hour")
                .atMost(Duration.ofSeconds(10))
                .until(() -> standIn.requests().size() == 2);
        awaitDone("busy-for-an-hour.txt");

        assertEquals(2, standIn.requests().size());
        long gap = standIn.arrivalGaps().get(0);
        assertTrue(
                gap >= 1400 && gap <= 5000,
                "retried " + gap + " ms after a 429 with Retry-After: 3600 (max-delay 1500)");
        assertTrue(errors().isEmpty());
    }

    @Test
    void backOffGrowsBetweenRetries() {
        standIn.answerAlways(aResponse()
                .withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"fail\",\"error\":\"Internal error\"}"));

        drop("down.txt", numbers(3, 800));
        awaitDone("down.txt");

        assertEquals(1 + 3, standIn.requests().size(), "the first request and max-attempts retries");
        List<Long> gaps = standIn.arrivalGaps();
        // nominally 200, 400, 800 ms; collision avoidance moves each by up to 15%
        assertTrue(gaps.get(0) < gaps.get(1) && gaps.get(1) < gaps.get(2), "gaps between requests " + gaps);
        assertTrue(gaps.get(0) >= 150, "the first retry waited the initial back-off: " + gaps);
        assertEquals(3, errors().size(), "the batch's numbers go to the error channel at last");
    }
}
