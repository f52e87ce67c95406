package example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application as it runs, against a stand-in of CleverTap's API on loopback: a CRM export of 1,500 valid numbers
 * and one that is not a number, and a file that is not a list of numbers; the valid ones reach CleverTap in batches of
 * at most 1000, the others the error channel.
 */
@QuarkusTest
@QuarkusTestResource(CleverTapStandIn.class)
class NumbersToCleverTapTest {

    WireMockServer cleverTap;
    Path work;

    @Test
    void validNumbersReachCleverTapInBatchesAndTheOthersTheErrorChannel() throws Exception {
        String numbers = IntStream.range(0, 1500).mapToObj(i -> String.format("+9198%08d", i))
                .collect(Collectors.joining("\n"));
        Files.createDirectories(work.resolve("esb-in"));
        Files.writeString(work.resolve("esb-in/export.txt"), numbers + "\nnot-a-number\n");
        // a message that is not a list of numbers: to the error channel with its text and reason; the route goes on
        Files.writeString(work.resolve("esb-in/poison.json"), "{\"d\": 5}");

        await().atMost(Duration.ofSeconds(60)).until(() -> cleverTap.getAllServeEvents().stream()
                .mapToInt(e -> numbersIn(e.getRequest().getBodyAsString())).sum() >= 1500);
        cleverTap.verify(2, postRequestedFor(urlPathMatching("/1/disassociate/?")));
        assertTrue(cleverTap.getAllServeEvents().stream()
                .allMatch(e -> numbersIn(e.getRequest().getBodyAsString()) <= 1000), "at most 1000 numbers a request");
        await().atMost(Duration.ofSeconds(30)).until(() -> errorRecords().contains("not-a-number")
                && errorRecords().contains("\"source\":\"crm:poison.json\""));
    }

    private static int numbersIn(String body) {
        return body.split("\"value\"", -1).length - 1;
    }

    private String errorRecords() throws IOException {
        Path errors = work.resolve("errors");
        if (!Files.isDirectory(errors)) {
            return "";
        }
        try (var files = Files.list(errors)) {
            return files.map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.joining());
        }
    }
}
