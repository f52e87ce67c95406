package example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
@SpringBootTest(properties = "camel.main.run-controller=false")
class NumbersToCleverTapTest {

    static final Path WORK = temporaryFolder();
    static final WireMockServer CLEVERTAP = cleverTap();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry settings) {
        settings.add("clevertap.base-url", CLEVERTAP::baseUrl);
        settings.add("clevertap.account-id", () -> "TEST-ACC-1");
        settings.add("clevertap.passcode", () -> "test-passcode");
        settings.add("esb.inbox", () -> WORK.resolve("esb-in").toString());
        settings.add("state.dir", () -> WORK.resolve("state").toString());
        settings.add("errors.dir", () -> WORK.resolve("errors").toString());
    }

    @AfterAll
    static void stopCleverTap() {
        CLEVERTAP.stop();
    }

    @Test
    void validNumbersReachCleverTapInBatchesAndTheOthersTheErrorChannel() throws Exception {
        String numbers = IntStream.range(0, 1500).mapToObj(i -> String.format("+9198%08d", i))
                .collect(Collectors.joining("\n"));
        Files.createDirectories(WORK.resolve("esb-in"));
        Files.writeString(WORK.resolve("esb-in/export.txt"), numbers + "\nnot-a-number\n");
        // a message that is not a list of numbers: to the error channel with its text and reason; the route goes on
        Files.writeString(WORK.resolve("esb-in/poison.json"), "{\"d\": 5}");

        await().atMost(Duration.ofSeconds(60)).until(() -> CLEVERTAP.getAllServeEvents().stream()
                .mapToInt(e -> numbersIn(e.getRequest().getBodyAsString())).sum() >= 1500);
        CLEVERTAP.verify(2, postRequestedFor(urlPathMatching("/1/disassociate/?")));
        assertTrue(CLEVERTAP.getAllServeEvents().stream().allMatch(e -> numbersIn(e.getRequest().getBodyAsString()) <= 1000),
                "at most 1000 numbers a request");
        await().atMost(Duration.ofSeconds(30)).until(() -> errorRecords().contains("not-a-number")
                && errorRecords().contains("\"source\":\"crm:poison.json\""));
    }

    private static int numbersIn(String body) {
        return body.split("\"value\"", -1).length - 1;
    }

    private static String errorRecords() throws IOException {
        Path errors = WORK.resolve("errors");
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

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("esb-spring-boot");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WireMockServer cleverTap() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlPathMatching("/1/disassociate/?")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"success\",\"processed\":1,\"unprocessed\":[]}")));
        return server;
    }
}
