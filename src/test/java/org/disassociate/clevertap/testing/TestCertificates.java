package org.disassociate.clevertap.testing;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A key store for the REST intake's TLS, made with the JDK's keytool: a certificate for localhost and 127.0.0.1. */
public final class TestCertificates {

    public static final String PASSWORD = "test-store-password";

    public final Path keyStore;
    public final Path certificatePem;
    /** A PKCS12 trust store holding the certificate alone, for clients that take a store (Artemis' client). */
    public final Path trustStore;

    private TestCertificates(Path keyStore, Path certificatePem, Path trustStore) {
        this.keyStore = keyStore;
        this.certificatePem = certificatePem;
        this.trustStore = trustStore;
    }

    public static TestCertificates make() {
        try {
            Path dir = TestFiles.newWorkFolder();
            Path keyStore = dir.resolve("rest.p12");
            Path pem = dir.resolve("rest.pem");
            String keytool =
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(List.of(
                    keytool,
                    "-genkeypair",
                    "-alias",
                    "rest",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-validity",
                    "2",
                    "-dname",
                    "CN=localhost",
                    "-ext",
                    "san=dns:localhost,ip:127.0.0.1",
                    "-keystore",
                    keyStore.toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    PASSWORD,
                    "-keypass",
                    PASSWORD));
            run(List.of(
                    keytool,
                    "-exportcert",
                    "-rfc",
                    "-alias",
                    "rest",
                    "-keystore",
                    keyStore.toString(),
                    "-storepass",
                    PASSWORD,
                    "-file",
                    pem.toString()));
            Path trustStore = dir.resolve("trust.p12");
            run(List.of(
                    keytool,
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    "rest",
                    "-file",
                    pem.toString(),
                    "-keystore",
                    trustStore.toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    PASSWORD));
            return new TestCertificates(keyStore, pem, trustStore);
        } catch (Exception e) {
            throw new IllegalStateException("keytool could not make the test's certificate", e);
        }
    }

    /** A client context that trusts this certificate alone, and checks the host name against it. */
    public SSLContext clientContext() throws Exception {
        Certificate certificate;
        try (InputStream in = Files.newInputStream(certificatePem)) {
            certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("rest", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    static int run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, 2)) + " failed: " + output);
        }
        return process.exitValue();
    }
}
