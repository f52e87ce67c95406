package org.disassociate.clevertap;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * TLS on the REST intake, set by {@code INTAKE_REST_TLS_*} alone, on the packaged application of either runtime
 * ({@link ForkedApplication}): a client that verifies the certificate is answered and its numbers delivered, a
 * plain-HTTP request to the port gets no answer, the management port stays plain HTTP.
 */
class RuntimeTlsIT {

    @RegisterExtension
    static final CleverTapStandIn standIn = new CleverTapStandIn();

    private static final TestCertificates CERTIFICATES = TestCertificates.make();

    static Path work;
    static Process application;
    static int restPort;
    static int managementPort;

    @BeforeAll
    static void start() throws Exception {
        work = TestFiles.newWorkFolder();
        restPort = Fixtures.freePort();
        managementPort = Fixtures.freePort();
        application = ForkedApplication.builder(work, standIn.environment(Map.of(
                "INTAKE_REST_TOKEN", Fixtures.TOKEN,
                "INTAKE_REST_PORT", String.valueOf(restPort),
                "MANAGEMENT_PORT", String.valueOf(managementPort),
                "CLEVERTAP_BATCH_TIMEOUT_MS", "300",
                "INTAKE_REST_TLS_ENABLED", "true",
                "INTAKE_REST_TLS_KEY_STORE", CERTIFICATES.keyStore.toString(),
                "INTAKE_REST_TLS_KEY_STORE_PASSWORD", TestCertificates.PASSWORD))).start();
        await().atMost(Fixtures.WAIT.multipliedBy(2)).until(() -> ManagementCalls.isReady(managementPort));
        // Quarkus' management interface can answer before its HTTPS server has bound the intake's port
        await().atMost(Fixtures.WAIT).ignoreExceptions().until(() -> {
            try (Socket socket = new Socket("127.0.0.1", restPort)) {
                return true;
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        ForkedApplication.stop(application);
        String log = java.nio.file.Files.readString(work.resolve("output.log"));
        assertFalse(log.contains(TestCertificates.PASSWORD), "the key store's password is never logged");
    }

    @Test
    void aClientThatVerifiesTheCertificateIsAnsweredAndPlainHttpIsNot() throws Exception {
        HttpClient verifying = HttpClient.newBuilder().sslContext(CERTIFICATES.clientContext()).build();
        List<String> numbers = List.of("+919800000601");
        HttpResponse<String> response = RestCalls.to(restPort).origin("https://localhost:" + restPort).via(verifying)
                .json().cleverTap(CleverTapStandIn.ACCOUNT_ID, CleverTapStandIn.PASSCODE).postNumbers(numbers);
        assertEquals(202, response.statusCode(), response.body());
        await().atMost(Fixtures.WAIT).until(() -> standIn.delivered().containsAll(numbers));

        assertThrows(IOException.class, () -> RestCalls.to(restPort).json().bearer(Fixtures.TOKEN)
                .postNumbers(List.of("+919800000602")), "a plain-HTTP request to the TLS port");
        assertEquals(200, ManagementCalls.get(managementPort, "/observe/health/ready").statusCode(),
                "the management port stays plain HTTP");
    }
}
