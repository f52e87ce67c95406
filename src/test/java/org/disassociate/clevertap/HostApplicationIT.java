package org.disassociate.clevertap;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.Fixtures;
import org.disassociate.clevertap.testing.ForkedApplication;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.disassociate.clevertap.testing.ForkedApplication.LONG_WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An integration team's own Camel application with this module as a dependency: Camel Main's own main class (not the
 * module's {@code Application}), run in a folder of its own (no {@code routes/}, no {@code config/}), with on its class
 * path only its {@code application.properties} (the settings a host sets: {@code clevertap.*}, {@code state.dir},
 * {@code errors.dir}) and its route in {@code camel/}, which feeds {@code kamelet:clevertap-disassociate-sink} from a
 * {@code file:} endpoint of its own and writes what the kamelet answered to {@code answers/}.
 */
class HostApplicationIT {

    @RegisterExtension
    static final CleverTapStandIn standIn = new CleverTapStandIn();

    private static final String HOST_ROUTES = """
            - route:
                id: host-numbers
                from:
                  uri: file:esb-in
                  steps:
                    - setHeader:
                        name: CleverTapSource
                        simple: "esb:${header.CamelFileName}"
                    - to: kamelet:clevertap-disassociate-sink
                    - marshal:
                        json: {}
                    - to: file:answers
            - route:
                id: host-dry-runs
                from:
                  uri: file:esb-dry
                  steps:
                    - setHeader:
                        name: CleverTapDryRun
                        constant: "true"
                    - setHeader:
                        name: CleverTapSource
                        simple: "esb:${header.CamelFileName}"
                    - to: kamelet:clevertap-disassociate-sink
                    - marshal:
                        json: {}
                    - to: file:answers
            """;

    private Path work;
    private Process host;

    @BeforeEach
    void newHost() {
        standIn.reset();
        work = TestFiles.newWorkFolder();
    }

    @AfterEach
    void stopHost() throws Exception {
        if (host != null && host.isAlive()) {
            ForkedApplication.stop(host);
        }
    }

    @Test
    void aHostsRouteDeliversThroughTheKameletInBatchesOfAtMost1000AndTheRestGoesToTheErrorChannel() throws Exception {
        host = startHost();
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            valid.add(Fixtures.indian(30_000_000L + i));
        }
        // the stand-in refuses a number that ends in 99 (523, not an identity): 25 of these
        long refusedByCleverTap = valid.stream().filter(n -> n.endsWith("99")).count();
        TestFiles.drop(work.resolve("esb-in"), "crm.txt", String.join("\n", valid) + "\nnot-a-number\n12\n");
        TestFiles.drop(work.resolve("esb-in"), "poison.json", "{\"d\": 5}");

        await("every valid number delivered")
                .atMost(LONG_WAIT)
                .until(() -> new HashSet<>(standIn.delivered()).containsAll(valid));
        assertEquals(valid.size(), standIn.delivered().size(), "each number sent once");
        for (ServeEvent request : standIn.requests()) {
            int records = CleverTapStandIn.MAPPER
                    .readTree(request.getRequest().getBodyAsString())
                    .get("d")
                    .size();
            assertTrue(records <= 1000, "a request of " + records + " records");
        }
        assertTrue(standIn.requests().size() >= 3, "2,500 numbers take three requests at least");

        await("the invalid, refused and unreadable in the error channel")
                .atMost(LONG_WAIT)
                .until(() -> TestFiles.errorRecords(work.resolve("errors")).size() == 2 + refusedByCleverTap + 1);
        List<JsonNode> errors = TestFiles.errorRecords(work.resolve("errors"));
        Set<String> invalid = new HashSet<>();
        long refused = 0;
        boolean poison = false;
        for (JsonNode record : errors) {
            String value = record.path("record").path("value").asText();
            // the source the host's message named, also for the numbers CleverTap refused after the spool
            if (record.path("code").asInt() == 523) {
                refused++;
                assertEquals("esb:crm.txt", record.path("source").asText());
            } else if (record.path("error").asText().startsWith("not a list of numbers")) {
                poison = true;
                assertEquals("esb:poison.json", record.path("source").asText());
            } else {
                invalid.add(value);
                assertEquals("esb:crm.txt", record.path("source").asText());
            }
        }
        assertEquals(Set.of("not-a-number", "12"), invalid);
        assertEquals(refusedByCleverTap, refused);
        assertTrue(poison, "the message that is not a list of numbers is in the error channel: " + errors);

        JsonNode answer = answerTo("crm.txt");
        assertEquals("partial", answer.path("status").asText(), answer.toString());
        assertEquals(2_500, answer.path("accepted").asInt());
        assertEquals(2, answer.path("invalid").asInt());

        String log = Files.readString(work.resolve("host.log"));
        assertTrue(log.contains("Started intake-kamelet"), "the module's routes run in the host");
        assertFalse(log.contains(CleverTapStandIn.PASSCODE), "the passcode is never logged");
        // the beans are made once, their init methods run once: the settings are checked and logged once
        assertEquals(
                1,
                log.split(java.util.regex.Pattern.quote("CleverTap account default ("), -1).length - 1,
                "the settings bean was made once");
        for (String intake : List.of("intake-file", "intake-rest", "intake-jms", "sandbox-clevertap")) {
            assertFalse(log.contains("Started " + intake + " "), intake + " is off inside a host");
        }
        assertFalse(log.contains("AMQ221007"), "no embedded broker starts inside a host");
        assertFalse(log.contains("HTTP server started"), "no HTTP server starts inside a host");
    }

    @Test
    void aDryRunThroughTheKameletIsValidatedByCleverTapAndTakesNothing() throws Exception {
        host = startHost();
        List<String> numbers =
                List.of(Fixtures.indian(31_000_001L), Fixtures.indian(31_000_002L), Fixtures.indian(31_000_099L));
        TestFiles.drop(work.resolve("esb-dry"), "check.txt", String.join("\n", numbers) + "\n");

        await("the kamelet's answer").atMost(LONG_WAIT).until(() -> Files.exists(work.resolve("answers/check.txt")));
        JsonNode answer = answerTo("check.txt");
        assertTrue(answer.path("dryRun").asBoolean(), answer.toString());
        assertEquals(2, answer.path("processed").asInt(), answer.toString());
        assertEquals(523, answer.path("unprocessed").get(0).path("code").asInt(), answer.toString());
        List<ServeEvent> requests = standIn.requests();
        assertFalse(requests.isEmpty());
        for (ServeEvent request : requests) {
            assertEquals(
                    "dryRun=1",
                    request.getRequest().getUrl().replaceFirst("^[^?]*\\?", ""),
                    "every request of a dry run asks for one");
        }
        assertTrue(TestFiles.spoolFiles(work.resolve("state/spool")).isEmpty(), "a dry run spools nothing");
    }

    @Test
    void aHostKilledRightAfterTheKameletReturnedDeliversThoseNumbersAtItsNextStart() throws Exception {
        // CleverTap is away: nothing can be delivered before the crash
        standIn.answerAlways(WireMock.aResponse().withStatus(503));
        host = startHost();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            numbers.add(Fixtures.indian(32_000_000L + i));
        }
        TestFiles.drop(work.resolve("esb-in"), "crm.txt", String.join("\n", numbers) + "\n");
        // the kamelet returned: the host's route wrote its answer
        await("the kamelet returned").atMost(LONG_WAIT).until(() -> Files.exists(work.resolve("answers/crm.txt")));
        ForkedApplication.kill(host);
        assertTrue(standIn.delivered().isEmpty(), "nothing was delivered before the crash");

        standIn.reset();
        host = startHost();
        await("every number the kamelet took delivered after the restart")
                .atMost(LONG_WAIT)
                .until(() -> new HashSet<>(standIn.delivered()).containsAll(numbers));
    }

    private JsonNode answerTo(String fileName) throws IOException {
        Path answer = work.resolve("answers").resolve(fileName);
        await().atMost(LONG_WAIT).until(() -> Files.exists(answer));
        return CleverTapStandIn.MAPPER.readTree(Files.readString(answer));
    }

    /** The host, started in its work folder: only Camel Main, the module on the class path, and its own two files. */
    private Process startHost() throws IOException {
        Path conf = work.resolve("conf");
        Files.createDirectories(conf.resolve("camel"));
        Files.writeString(
                conf.resolve("application.properties"),
                String.join(
                        "\n",
                        "clevertap.region=in1",
                        "clevertap.base-url=" + standIn.baseUrl(),
                        "clevertap.account-id=" + CleverTapStandIn.ACCOUNT_ID,
                        "clevertap.passcode=" + CleverTapStandIn.PASSCODE,
                        "state.dir=" + work.resolve("state"),
                        "errors.dir=" + work.resolve("errors"),
                        ""));
        Files.writeString(conf.resolve("camel").resolve("host.camel.yaml"), HOST_ROUTES);
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        conf + File.pathSeparator + System.getProperty("java.class.path"),
                        "org.apache.camel.main.Main")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve("host.log").toFile()));
        ForkedApplication.withoutSettings(builder.environment());
        return builder.start();
    }
}
