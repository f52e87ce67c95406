package org.disassociate.clevertap;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.Fixtures;
import org.disassociate.clevertap.testing.ForkedApplication;
import org.disassociate.clevertap.testing.RestCalls;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real {@code Application.main} in a JVM of its own, from the project root, configured through environment
 * variables as an operator does.
 */
class MainApplicationIT {

    @RegisterExtension
    static final CleverTapStandIn standIn = new CleverTapStandIn();

    static void assertRefusedClearly(ForkedApplication.Run run, String message) {
        assertRefused(run, message);
        assertFalse(run.output().contains("\tat "), "no stack trace:\n" + run.output());
    }

    /** Refused with one line; Vert.x itself logs a trace of the bind that failed before, none of ours follows. */
    static void assertRefused(ForkedApplication.Run run, String message) {
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("Not started: " + message), run.output());
        assertFalse(run.output().contains("\tat org.disassociate"), "no stack trace of ours:\n" + run.output());
    }

    @Test
    void anUnknownRegionIsRefusedAtStartUpListingTheValidOnes() throws Exception {
        ForkedApplication.Run run = ForkedApplication.runToExit(
                Map.of("CLEVERTAP_REGION", "xx9", "CLEVERTAP_ACCOUNT_ID", "A", "CLEVERTAP_PASSCODE", "P"));

        assertRefusedClearly(
                run, "clevertap.region 'xx9' is not a CleverTap region; valid regions: in1, sg1, us1, aps3, mec1, eu1");
    }

    @Test
    void missingCredentialsAreRefusedAtStartUp() throws Exception {
        assertRefusedClearly(
                ForkedApplication.runToExit(Map.of("CLEVERTAP_REGION", "eu1", "CLEVERTAP_PASSCODE", "P")),
                "clevertap.account-id (CLEVERTAP_ACCOUNT_ID) is not set");
        assertRefusedClearly(
                ForkedApplication.runToExit(Map.of("CLEVERTAP_REGION", "eu1", "CLEVERTAP_ACCOUNT_ID", "A")),
                "clevertap.passcode (CLEVERTAP_PASSCODE) is not set");
    }

    @Test
    void aRestManagementOrBrokerPortInUseIsRefusedAtStartUp() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            String port = String.valueOf(taken.getLocalPort());
            Map<String, String> account = Map.of(
                    "CLEVERTAP_REGION",
                    "eu1",
                    "CLEVERTAP_ACCOUNT_ID",
                    "A",
                    "CLEVERTAP_PASSCODE",
                    "P",
                    "CAMEL_SERVER_HOST",
                    "127.0.0.1",
                    "CAMEL_MANAGEMENT_HOST",
                    "127.0.0.1");

            Map<String, String> rest = new HashMap<>(account);
            rest.put("INTAKE_REST_PORT", port);
            assertRefused(
                    ForkedApplication.runToExit(rest),
                    "intake.rest.port (INTAKE_REST_PORT) is " + port + ", and 127.0.0.1:" + port
                            + " cannot be listened on");

            Map<String, String> management = new HashMap<>(account);
            management.put("MANAGEMENT_PORT", port);
            assertRefused(ForkedApplication.runToExit(management), "management.port (MANAGEMENT_PORT) is " + port);

            // Artemis logs the failed bind with its own trace, which passes through the bean that starts it; after
            // that, the one line of ours, and no trace
            Map<String, String> broker = new HashMap<>(account);
            broker.put("JMS_EMBEDDED_PORT", port);
            ForkedApplication.Run refused = ForkedApplication.runToExit(broker);
            assertEquals(1, refused.exitCode(), refused.output());
            String ours = "Not started: the embedded broker cannot listen on 127.0.0.1:" + port;
            assertTrue(refused.output().contains(ours), refused.output());
            assertFalse(
                    refused.output().substring(refused.output().indexOf(ours)).contains("\tat "),
                    "no trace after the refusal:\n" + refused.output());
        }
    }

    @Test
    void aStateOrErrorsFolderThatCannotBeWrittenIsRefusedAtStartUp() throws Exception {
        Path notAFolder = TestFiles.newWorkFolder().resolve("a-file");
        Files.writeString(notAFolder, "a file where a folder should be");
        Map<String, String> valid =
                Map.of("CLEVERTAP_REGION", "us1", "CLEVERTAP_ACCOUNT_ID", "A", "CLEVERTAP_PASSCODE", "P");

        Map<String, String> state = new HashMap<>(valid);
        state.put("STATE_DIR", notAFolder.resolve("state").toString());
        assertRefusedClearly(
                ForkedApplication.runToExit(state),
                "state.dir (STATE_DIR) " + notAFolder.resolve("state") + " cannot be written: ");

        Map<String, String> errors = new HashMap<>(valid);
        errors.put("ERRORS_DIR", notAFolder.resolve("errors").toString());
        assertRefusedClearly(
                ForkedApplication.runToExit(errors),
                "errors.dir (ERRORS_DIR) " + notAFolder.resolve("errors") + " cannot be written: ");
    }

    @Test
    void aBatchSizeOver1000IsRefusedAtStartUp() throws Exception {
        ForkedApplication.Run run = ForkedApplication.runToExit(Map.of(
                "CLEVERTAP_REGION",
                "us1",
                "CLEVERTAP_ACCOUNT_ID",
                "A",
                "CLEVERTAP_PASSCODE",
                "P",
                "CLEVERTAP_BATCH_SIZE",
                "1001"));

        assertRefusedClearly(
                run,
                "clevertap.batch-size (CLEVERTAP_BATCH_SIZE) is 1001; CleverTap takes 1 to 1000 records a request");
    }

    @Test
    void thePasscodeAppearsInNoLogLineAtAnyLevelNorInTheErrorChannel() throws Exception {
        // the first request gets a 401 (its batch to the error channel), the next a 500 (retried), then normal answers
        standIn.answerInTurn(
                aResponse().withStatus(401).withBody("{\"status\":\"fail\",\"error\":\"Invalid Credentials\"}"),
                aResponse().withStatus(500));
        Path work = TestFiles.newWorkFolder();
        ProcessBuilder application = ForkedApplication.builder(
                work,
                standIn.environment(Map.of(
                        "CLEVERTAP_BATCH_SIZE", "2",
                        "CLEVERTAP_MAX_IN_FLIGHT", "1",
                        "CLEVERTAP_BATCH_TIMEOUT_MS", "300",
                        "CLEVERTAP_RETRY_INITIAL_DELAY_MS", "50")),
                "-DLOG_LEVEL=TRACE");
        int restPort = Integer.parseInt(application.environment().get("INTAKE_REST_PORT"));
        Process process = application.start();
        try {
            // a REST caller that authenticates as CleverTap's own API asks, with the passcode in a header, and one
            // that sends a wrong passcode
            for (String passcode : new String[] {CleverTapStandIn.PASSCODE, CleverTapStandIn.PASSCODE + "-wrong"}) {
                RestCalls caller = RestCalls.to(restPort).json().cleverTap(CleverTapStandIn.ACCOUNT_ID, passcode);
                await().atMost(Fixtures.WAIT)
                        .ignoreExceptions()
                        .until(() ->
                                caller.postNumbers(List.of("+919812345604")).statusCode() != 404);
            }
            TestFiles.drop(work.resolve("inbox"), "numbers.txt", "+919812345601\n+919812345602\n+919812345603\nbad\n");
            await().atMost(Fixtures.WAIT)
                    .until(() ->
                            Files.exists(work.resolve("inbox").resolve(".done").resolve("numbers.txt")));
        } finally {
            ForkedApplication.stop(process);
        }

        // the stand-in did receive the passcode, so its absence below means something
        assertTrue(standIn.requests().size() >= 3);
        standIn.requests()
                .forEach(r ->
                        assertEquals(CleverTapStandIn.PASSCODE, r.getRequest().getHeader("X-CleverTap-Passcode")));
        String log = Files.readString(work.resolve("output.log"));
        assertTrue(log.contains("TRACE"), "the log ran at TRACE");
        assertTrue(log.contains("Sending batch"), log);
        assertFalse(log.contains(CleverTapStandIn.PASSCODE), "passcode in the log");
        String errors = TestFiles.errorRecords(work.resolve("errors")).toString();
        assertTrue(errors.contains("Invalid Credentials"), errors);
        assertFalse(errors.contains(CleverTapStandIn.PASSCODE), "passcode in the error channel");
    }
}
