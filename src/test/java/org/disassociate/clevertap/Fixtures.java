package org.disassociate.clevertap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What every kind of test shares: the REST token, how long to wait, an HTTP client, numbers and free ports. */
final class Fixtures {

    static final String TOKEN = "rest-token-for-tests";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** How long a request to the application may take: one it does not answer fails the test rather than hanging it. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Fixtures() {}

    /** {@code count} valid Indian numbers from {@code first} on, one a line. */
    static String numbers(int count, long first) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(indian(first + i)).append('\n');
        }
        return text.toString();
    }

    /** A valid Indian mobile number in E.164: +91 98 followed by eight digits. */
    static String indian(long n) {
        return String.format("+9198%08d", n);
    }

    /** A port free now and not handed out before in this JVM (the system may offer a just-closed port again). */
    static int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
