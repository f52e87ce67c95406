package org.disassociate.clevertap.testing;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the application as Camel Main does, with the real {@code routes/} and {@code config/application.properties},
 * against {@link CleverTapStandIn} on loopback, with its inbox and error channel in a fresh folder per test.
 */
public abstract class ApplicationTestSupport extends CamelMainTestSupport {

    public static final String TOKEN = Fixtures.TOKEN;
    public static final Duration WAIT = Fixtures.WAIT;

    public static final HttpClient HTTP = Fixtures.HTTP;

    @RegisterExtension
    public static final CleverTapStandIn standIn = new CleverTapStandIn();

    /** Set while the superclass constructor asks for the properties, so no field initialiser here. */
    public Path work;

    public int restPort;
    public int jmsPort;
    public int managementPort;

    @BeforeEach
    void resetStandIn() {
        standIn.reset();
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "file:config/application.properties";
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        work = TestFiles.newWorkFolder();
        restPort = freePort();
        Properties p = new Properties();
        p.setProperty("clevertap.region", "in1");
        p.setProperty("clevertap.base-url", standIn.baseUrl());
        p.setProperty("clevertap.account-id", CleverTapStandIn.ACCOUNT_ID);
        p.setProperty("clevertap.passcode", CleverTapStandIn.PASSCODE);
        p.setProperty("clevertap.batch-timeout-ms", "500");
        p.setProperty("clevertap.retry.initial-delay-ms", "50");
        p.setProperty("clevertap.retry.max-delay-ms", "400");
        p.setProperty("clevertap.retry.max-attempts", "3");
        p.setProperty("clevertap.response-timeout-ms", "2000");
        p.setProperty("intake.file.dir", inbox().toString());
        p.setProperty("intake.rest.port", String.valueOf(restPort));
        p.setProperty("intake.rest.token", TOKEN);
        p.setProperty("errors.dir", errorsDir().toString());
        p.setProperty("state.dir", stateDir().toString());
        jmsPort = freePort();
        p.setProperty("jms.embedded.port", String.valueOf(jmsPort));
        p.setProperty("jms.embedded.data-dir", work.resolve("broker").toString());
        p.setProperty("camel.server.host", "127.0.0.1");
        managementPort = freePort();
        p.setProperty("management.port", String.valueOf(managementPort));
        p.setProperty("camel.management.host", "127.0.0.1");
        p.putAll(overrides());
        return p;
    }

    /** What a test class changes in the configuration. */
    protected Properties overrides() {
        return new Properties();
    }

    /** The embedded broker of the application under test. */
    public String brokerUrl() {
        return "tcp://127.0.0.1:" + jmsPort;
    }

    public Path inbox() {
        return work.resolve("inbox");
    }

    public Path stateDir() {
        return work.resolve("state");
    }

    public Path errorsDir() {
        return work.resolve("errors");
    }

    /** Writes a file beside the inbox and moves it in, as a well-behaved producer of files does. */
    public void drop(String name, String content) {
        TestFiles.drop(inbox(), name, content);
    }

    /** The same, for content that need not be text. */
    public void drop(String name, byte[] content) {
        TestFiles.drop(inbox(), name, content);
    }

    public void awaitDone(String name) {
        await().atMost(WAIT).until(() -> Files.exists(inbox().resolve(".done").resolve(name)));
    }

    public void awaitFailed(String name) {
        await().atMost(WAIT).until(() -> Files.exists(inbox().resolve(".failed").resolve(name)));
    }

    /** Every record of the error channel so far. */
    public List<JsonNode> errors() {
        return TestFiles.errorRecords(errorsDir());
    }

    public List<String> errorValues() {
        return errors().stream()
                .map(e -> e.path("record").path("value").asText())
                .toList();
    }

    /** A caller of the application's REST intake, with no header yet. */
    public RestCalls rest() {
        return RestCalls.to(restPort);
    }

    /** POSTs {@code body} with these {@code Authorization} and {@code Content-Type} headers (null: none). */
    public HttpResponse<String> postIntake(String authorization, String contentType, String body) throws Exception {
        return rest().authorization(authorization).contentType(contentType).post(body);
    }

    /** POSTs a JSON body with the intake's token, as its usual caller does. */
    public HttpResponse<String> postJson(String body) throws Exception {
        return rest().bearer(TOKEN).json().post(body);
    }

    /** GET on the management server (health, metrics). */
    public HttpResponse<String> management(String path) throws Exception {
        return ManagementCalls.get(managementPort, path);
    }

    public static JsonNode json(HttpResponse<String> response) throws Exception {
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "JSON answer: " + response.headers());
        return CleverTapStandIn.MAPPER.readTree(response.body());
    }

    public static String numbers(int count, long first) {
        return Fixtures.numbers(count, first);
    }

    public static String indian(long n) {
        return Fixtures.indian(n);
    }

    static int freePort() {
        return Fixtures.freePort();
    }
}
