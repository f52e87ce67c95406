package org.disassociate.clevertap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What every kind of test shares: the REST token, how long to wait, an HTTP client, numbers and free ports. */
public final class Fixtures {

    public static final String TOKEN = "rest-token-for-tests";
    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final HttpClient HTTP = HttpClient.newHttpClient();
    /** How long a request to the application may take: one it does not answer fails the test rather than hanging it. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Fixtures() {}

    /** {@code count} valid Indian numbers from {@code first} on, one a line. */
    public static String numbers(int count, long first) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(indian(first + i)).append('\n');
        }
        return text.toString();
    }

    /** A valid Indian mobile number in E.164: +91 98 followed by eight digits. */
    public static String indian(long n) {
        return String.format("+9198%08d", n);
    }

    /** A port free now and not handed out before in this JVM (the system may offer a just-closed port again). */
    public static int freePort() {
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
