package example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application as it runs, against a stand-in of CleverTap's API on loopback: a CRM export of 1,500 valid numbers
 * and one that is not a number, and a file that is not a list of numbers; the valid ones reach CleverTap in batches of
 * at most 1000, the others the error channel.
 */
class NumbersToCleverTapTest {

    @TempDir
    Path work;
    WireMockServer cleverTap;
    Main main;

    @BeforeEach
    void start() throws Exception {
        cleverTap = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        cleverTap.start();
        cleverTap.stubFor(post(urlPathMatching("/1/disassociate/?")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"success\",\"processed\":1,\"unprocessed\":[]}")));
        main = new Main();
        main.addOverrideProperty("clevertap.base-url", cleverTap.baseUrl());
        main.addOverrideProperty("clevertap.account-id", "TEST-ACC-1");
        main.addOverrideProperty("clevertap.passcode", "test-passcode");
        main.addOverrideProperty("esb.inbox", work.resolve("esb-in").toString());
        main.addOverrideProperty("state.dir", work.resolve("state").toString());
        main.addOverrideProperty("errors.dir", work.resolve("errors").toString());
        main.start();
    }

    @AfterEach
    void stop() {
        main.stop();
        cleverTap.stop();
    }

    @Test
    void validNumbersReachCleverTapInBatchesAndTheOthersTheErrorChannel() throws Exception {
        String numbers = IntStream.range(0, 1500).mapToObj(i -> String.format("+9198%08d", i))
                .collect(Collectors.joining("\n"));
        Files.createDirectories(work.resolve("esb-in"));
        Files.writeString(work.resolve("esb-in/export.txt"), numbers + "\nnot-a-number\n");
        // a message that is not a list of numbers: to the error channel with its text and reason; the route goes on
        Files.writeString(work.resolve("esb-in/poison.json"), "{\"d\": 5}");

        await().atMost(java.time.Duration.ofSeconds(60)).until(() -> cleverTap.getAllServeEvents().stream()
                .mapToInt(e -> e.getRequest().getBodyAsString().split("\"value\"", -1).length - 1).sum() >= 1500);
        cleverTap.verify(2, postRequestedFor(urlPathMatching("/1/disassociate/?")));
        assertTrue(cleverTap.getAllServeEvents().stream()
                .allMatch(e -> e.getRequest().getBodyAsString().split("\"value\"", -1).length - 1 <= 1000),
                "at most 1000 numbers a request");
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> errorRecords().contains("not-a-number")
                && errorRecords().contains("\"source\":\"crm:poison.json\""));
    }

    private String errorRecords() throws Exception {
        Path errors = work.resolve("errors");
        if (!Files.isDirectory(errors)) {
            return "";
        }
        try (var files = Files.list(errors)) {
            return files.map(f -> {
                try {
                    return Files.readString(f);
                } catch (Exception e) {
                    return "";
                }
            }).collect(Collectors.joining());
        }
    }
}
