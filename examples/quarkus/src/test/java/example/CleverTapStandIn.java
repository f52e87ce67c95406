package example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * A stand-in of CleverTap's Disassociate API on loopback, a work folder, and the application's settings that point to
 * them; the test gets both in its fields.
 */
public class CleverTapStandIn implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;
    private Path work;

    @Override
    public Map<String, String> start() {
        try {
            work = Files.createTempDirectory("esb-quarkus");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlPathMatching("/1/disassociate/?")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"success\",\"processed\":1,\"unprocessed\":[]}")));
        return Map.of(
                "clevertap.base-url", server.baseUrl(),
                "clevertap.account-id", "TEST-ACC-1",
                "clevertap.passcode", "test-passcode",
                "esb.inbox", work.resolve("esb-in").toString(),
                "state.dir", work.resolve("state").toString(),
                "errors.dir", work.resolve("errors").toString());
    }

    @Override
    public void inject(TestInjector test) {
        test.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
        test.injectIntoFields(work, new TestInjector.MatchesType(Path.class));
    }

    @Override
    public void stop() {
        server.stop();
    }
}
