package org.disassociate.clevertap.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls of the REST intake ({@code POST /1/disassociate} on loopback), as its callers make them with
 * {@code java.net.http}: who calls (the bearer token, or CleverTap's own headers), the body (from numbers, or as
 * written), {@code Prefer: wait=N} and {@code ?dryRun=1}. Each method returns a new caller; none changes this one.
 * Used by the in-process tests (through {@code ApplicationTestSupport.rest()}) and the forked ones alike, so it
 * depends only on the JDK.
 */
public final class RestCalls {

    public static final String PATH = "/1/disassociate";

    private final String origin;
    private final String path;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final HttpClient http;

    private RestCalls(String origin, String path, Map<String, String> headers, Duration timeout, HttpClient http) {
        this.origin = origin;
        this.path = path;
        this.headers = headers;
        this.timeout = timeout;
        this.http = http;
    }

    /** A caller of the intake listening on {@code port}, with no header yet. */
    public static RestCalls to(int port) {
        return new RestCalls("http://127.0.0.1:" + port, PATH, Map.of(), Fixtures.REQUEST_TIMEOUT, Fixtures.HTTP);
    }

    /** This header; a null value leaves it out (a caller that sends none). */
    public RestCalls header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        if (value == null) {
            more.remove(name);
        } else {
            more.put(name, value);
        }
        return new RestCalls(origin, path, Map.copyOf(more), timeout, http);
    }

    /** {@code Authorization} as given, null for none. */
    public RestCalls authorization(String value) {
        return header("Authorization", value);
    }

    /** {@code Authorization: Bearer <token>}: the intake's own token. */
    public RestCalls bearer(String token) {
        return authorization("Bearer " + token);
    }

    /** CleverTap's own credentials, as a client written against CleverTap's API sends them. */
    public RestCalls cleverTap(String accountId, String passcode) {
        return header("X-CleverTap-Account-Id", accountId).header("X-CleverTap-Passcode", passcode);
    }

    /** {@code Content-Type} as given, null for none. */
    public RestCalls contentType(String value) {
        return header("Content-Type", value);
    }

    /** {@code Content-Type: application/json}. */
    public RestCalls json() {
        return contentType("application/json");
    }

    /** {@code Prefer: wait=<seconds>}: the caller waits for CleverTap's answer. */
    public RestCalls waitingFor(int seconds) {
        return header("Prefer", "wait=" + seconds);
    }

    /** {@code ?dryRun=1} on the path. */
    public RestCalls dryRun() {
        return at(path + (path.contains("?") ? "&" : "?") + "dryRun=1");
    }

    /** Another path (and query) on the intake's port, as {@code /1/disassociate/}. */
    public RestCalls at(String pathAndQuery) {
        return new RestCalls(origin, pathAndQuery, headers, timeout, http);
    }

    /** How long a request may take before it fails. */
    public RestCalls timeout(Duration timeout) {
        return new RestCalls(origin, path, headers, timeout, http);
    }

    /** The same calls to another scheme and host: {@code https://localhost:8443}, or another address of this machine. */
    public RestCalls origin(String origin) {
        return new RestCalls(origin, path, headers, timeout, http);
    }

    /** Sent with this client instead of the shared one. */
    public RestCalls via(HttpClient http) {
        return new RestCalls(origin, path, headers, timeout, http);
    }

    /** The POST of {@code body}, as written. */
    public HttpRequest request(String body) {
        return builder().POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Posts {@code body} as written. */
    public HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(request(body), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts CleverTap's body for these numbers ({@link TestFiles#disassociateBody(List)}). */
    public HttpResponse<String> postNumbers(List<String> numbers) throws IOException, InterruptedException {
        return post(TestFiles.disassociateBody(numbers));
    }

    /** A GET, which the intake does not take. */
    public HttpResponse<String> get() throws IOException, InterruptedException {
        return http.send(builder().GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder builder() {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(origin + path)).timeout(timeout);
        headers.forEach(request::header);
        return request;
    }
}
