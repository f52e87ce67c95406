package org.disassociate.clevertap.errors;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The error channel cannot be written (here: a file stands where its folder should be, as a full disk or a lost mount
 * would refuse it). Its records are not dropped: the write is tried again, the file is not done meanwhile, and once
 * the channel can be written again everything arrives.
 */
class ErrorChannelOutageTest extends ApplicationTestSupport {

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        p.setProperty("errors.retry.initial-delay-ms", "50");
        p.setProperty("errors.retry.max-delay-ms", "200");
        return p;
    }

    private void blockErrorChannel() throws Exception {
        // the folder the start-up made (and checked) goes, a file takes its place
        Files.deleteIfExists(errorsDir());
        Files.writeString(errorsDir(), "not a folder");
    }

    private void unblockErrorChannelWhileTheFileWaits(String name) throws Exception {
        await().during(Duration.ofSeconds(2))
                .atMost(WAIT)
                .until(() -> !Files.exists(inbox().resolve(".done").resolve(name))
                        && !Files.exists(inbox().resolve(".failed").resolve(name)));
        Files.delete(errorsDir());
        awaitDone(name);
    }

    @Test
    void invalidAndUnprocessedNumbersWaitForTheErrorChannelInsteadOfBeingLost() throws Exception {
        blockErrorChannel();

        drop("during-outage.txt", "+919812345601\nnot-a-number\n+919812345699\n");
        await().atMost(WAIT).until(() -> standIn.requests().size() == 1);
        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> ready = management("/observe/health/ready");
            assertEquals(503, ready.statusCode(), "not ready while the error channel cannot be written");
            assertTrue(ready.body().contains("The error channel cannot be written"), ready.body());
        });
        unblockErrorChannelWhileTheFileWaits("during-outage.txt");

        // each once; in no particular order (the invalid and the unprocessed are written by different routes)
        assertEquals(
                List.of("+919812345699", "not-a-number"),
                errorValues().stream().sorted().toList());
        assertEquals(200, management("/observe/health/ready").statusCode(), "ready again once a write succeeded");
    }

    @Test
    void aRefusedBatchWaitsForTheErrorChannelInsteadOfBeingLost() throws Exception {
        standIn.answerAlways(aResponse().withStatus(403).withBody("{\"status\":\"fail\",\"error\":\"Forbidden\"}"));
        blockErrorChannel();

        drop("refused-during-outage.txt", "+919812345601\n+919812345602\n");
        await().atMost(WAIT).until(() -> standIn.requests().size() == 1);
        unblockErrorChannelWhileTheFileWaits("refused-during-outage.txt");

        assertEquals(List.of("+919812345601", "+919812345602"), errorValues());
        assertEquals(1, standIn.requests().size(), "a 403 is not retried, whatever the error channel does");
        assertFalse(errors().get(0).path("error").asText().isEmpty());
    }
}
