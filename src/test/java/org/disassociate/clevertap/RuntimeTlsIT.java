package org.disassociate.clevertap;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.Fixtures;
import org.disassociate.clevertap.testing.ForkedApplication;
import org.disassociate.clevertap.testing.ManagementCalls;
import org.disassociate.clevertap.testing.RestCalls;
import org.disassociate.clevertap.testing.TestCertificates;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    private static final List<String> FIRST_NUMBERS = List.of("+919800000601");

    static Path work;
    static Process application;
    static int restPort;
    static int managementPort;
    static HttpResponse<String> firstRequest;
    static IOException firstRequestFailure;
    /** A client that verifies the service's certificate; it also asks for readiness, so it is warm for the first request. */
    static HttpClient verifying;

    @BeforeAll
    // firstRequestFailure: the first request's failure kept for the test that asserts on it, not a prebuilt
    // exception thrown from many places
    @SuppressWarnings("StaticAssignmentOfThrowable")
    static void start() throws Exception {
        verifying =
                HttpClient.newBuilder().sslContext(CERTIFICATES.clientContext()).build();
        work = TestFiles.newWorkFolder();
        restPort = Fixtures.freePort();
        managementPort = Fixtures.freePort();
        application = ForkedApplication.builder(
                        work,
                        standIn.environment(Map.of(
                                "INTAKE_REST_TOKEN",
                                Fixtures.TOKEN,
                                "INTAKE_REST_PORT",
                                String.valueOf(restPort),
                                "MANAGEMENT_PORT",
                                String.valueOf(managementPort),
                                "CLEVERTAP_BATCH_TIMEOUT_MS",
                                "300",
                                "INTAKE_REST_TLS_ENABLED",
                                "true",
                                "INTAKE_REST_TLS_KEY_STORE",
                                CERTIFICATES.keyStore.toString(),
                                "INTAKE_REST_TLS_KEY_STORE_PASSWORD",
                                TestCertificates.PASSWORD)))
                .start();
        // ready means the intake takes requests: the first request goes right after the first 200, with no wait
        // for the port
        await().atMost(Fixtures.WAIT.multipliedBy(2))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> ManagementCalls.isReady(managementPort, verifying));
        try {
            firstRequest = RestCalls.to(restPort)
                    .origin("https://localhost:" + restPort)
                    .via(verifying)
                    .json()
                    .cleverTap(CleverTapStandIn.ACCOUNT_ID, CleverTapStandIn.PASSCODE)
                    .postNumbers(FIRST_NUMBERS);
        } catch (IOException refused) {
            firstRequestFailure = refused;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        ForkedApplication.stop(application);
        String log = java.nio.file.Files.readString(work.resolve("output.log"));
        assertFalse(log.contains(TestCertificates.PASSWORD), "the key store's password is never logged");
    }

    @Test
    void aClientThatVerifiesTheCertificateIsAnsweredAtTheFirstReadyAnswerAndPlainHttpIsNot() throws Exception {
        assertNull(
                firstRequestFailure,
                () -> "an HTTPS request right after readiness's first 200: " + firstRequestFailure);
        assertEquals(202, firstRequest.statusCode(), firstRequest.body());
        await().atMost(Fixtures.WAIT).until(() -> standIn.delivered().containsAll(FIRST_NUMBERS));

        assertThrows(
                IOException.class,
                () -> RestCalls.to(restPort).json().bearer(Fixtures.TOKEN).postNumbers(List.of("+919800000602")),
                "a plain-HTTP request to the TLS port");
        assertEquals(
                200,
                ManagementCalls.get(managementPort, "/observe/health/ready").statusCode(),
                "the management port stays plain HTTP");
    }
}
