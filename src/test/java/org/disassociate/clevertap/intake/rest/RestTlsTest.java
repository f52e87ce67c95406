package org.disassociate.clevertap.intake.rest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.RestCalls;
import org.disassociate.clevertap.testing.TestCertificates;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST intake over TLS (intake.rest.tls.*): real clients that verify its certificate (Java's HTTP client, curl
 * --cacert) are answered; a plain-HTTP caller gets no answer; the management port stays plain HTTP.
 */
class RestTlsTest extends ApplicationTestSupport {

    private static final TestCertificates CERTIFICATES = TestCertificates.make();

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        p.setProperty("intake.rest.tls.enabled", "true");
        p.setProperty("intake.rest.tls.key-store", CERTIFICATES.keyStore.toString());
        p.setProperty("intake.rest.tls.key-store-password", TestCertificates.PASSWORD);
        return p;
    }

    private RestCalls overTls() throws Exception {
        HttpClient verifying =
                HttpClient.newBuilder().sslContext(CERTIFICATES.clientContext()).build();
        return rest().origin("https://localhost:" + restPort).via(verifying).json();
    }

    @Test
    void javasHttpClientVerifyingTheCertificateIsAnsweredAndTheNumbersDelivered() throws Exception {
        List<String> numbers = List.of(indian(90_000));

        HttpResponse<String> response = overTls()
                .cleverTap(CleverTapStandIn.ACCOUNT_ID, CleverTapStandIn.PASSCODE)
                .postNumbers(numbers);

        assertEquals(202, response.statusCode(), response.body());
        await().atMost(WAIT).until(() -> standIn.delivered().containsAll(numbers));
    }

    @Test
    void curlWithTheCertificateAsItsOnlyAuthorityIsAnswered() throws Exception {
        Process curl = new ProcessBuilder(
                        "curl",
                        "-sS",
                        "--cacert",
                        CERTIFICATES.certificatePem.toString(),
                        "-o",
                        "/dev/null",
                        "-w",
                        "%{http_code}",
                        "-H",
                        "Authorization: Bearer " + TOKEN,
                        "-H",
                        "Content-Type: application/json",
                        "--data",
                        TestFiles.disassociateBody(List.of(indian(90_001))),
                        "https://localhost:" + restPort + RestCalls.PATH)
                .redirectErrorStream(true)
                .start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(curl.waitFor(60, TimeUnit.SECONDS));
        assertEquals("202", output, "curl --cacert: " + output);
    }

    @Test
    void plainHttpOnTheIntakesPortIsNotAnsweredAndTheManagementPortStaysPlain() throws Exception {
        assertThrows(
                IOException.class,
                () -> rest().bearer(TOKEN).json().postNumbers(List.of(indian(90_002))),
                "a plain-HTTP request to the TLS port");
        assertEquals(200, management("/observe/health/ready").statusCode());
    }
}
