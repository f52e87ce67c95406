package org.disassociate.clevertap.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.awaitility.Awaitility.await;

/**
 * A stand-in of CleverTap's Disassociate API on loopback, as WireMock. It checks what the real one requires (POST,
 * path, account id and passcode: those of {@link #ACCOUNT_ID} or of {@link #SECOND_ACCOUNT_ID}, content type, {@code {"d":[…]}} of 1 to 1000 phone records in E.164) and answers as
 * the real one does: numbers ending in 99 are unprocessed with code 523. Tests add stubs of higher priority for
 * faults.
 */
public final class CleverTapStandIn implements BeforeAllCallback, AfterAllCallback {

    public static final String ACCOUNT_ID = "TEST-ACCOUNT-1";
    public static final String PASSCODE = "PASS-Secret-7Q9Z";
    /** What CleverTap takes as a phone number: compiled once, the benchmark sends it a million. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    /** A second account it knows, for a deployment of several accounts. */
    public static final String SECOND_ACCOUNT_ID = "TEST-ACCOUNT-2";

    public static final String SECOND_PASSCODE = "PASS-Second-3K8W";
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private final Answer answer;
    private final WireMockServer server;

    /** The stand-in of the accounts {@link #ACCOUNT_ID} and {@link #SECOND_ACCOUNT_ID}. */
    public CleverTapStandIn() {
        this(Map.of(ACCOUNT_ID, PASSCODE, SECOND_ACCOUNT_ID, SECOND_PASSCODE));
    }

    /** The stand-in of another account: it answers 401 to any other credentials. */
    public CleverTapStandIn(String accountId, String passcode) {
        this(Map.of(accountId, passcode));
    }

    private CleverTapStandIn(Map<String, String> passcodes) {
        answer = new Answer(passcodes);
        server = new WireMockServer(options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .extensions(answer)
                .asynchronousResponseEnabled(false)
                .containerThreads(48));
    }

    /** As a JUnit extension ({@code @RegisterExtension static}): running for the test class's whole life. */
    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    public CleverTapStandIn start() {
        server.start();
        reset();
        return this;
    }

    public void stop() {
        releaseAnswers();
        server.stop();
    }

    public void reset() {
        releaseAnswers();
        answer.delayMillis = 0;
        answer.faults = null;
        answer.accountAllows = 0;
        answer.tooMany.set(0);
        answer.mostAtOnce.set(0);
        answer.seen.set(0);
        synchronized (answer.statuses) {
            answer.statuses.clear();
        }
        answer.delivered.clear();
        answer.otherAccounts.clear();
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/1/disassociate"))
                .atPriority(10)
                .willReturn(aResponse().withTransformers(Answer.NAME)));
    }

    /** Until the next {@link #reset()}, requests of this account too are answered (besides {@link #ACCOUNT_ID}'s). */
    public void accept(String accountId, String passcode) {
        answer.otherAccounts.put(accountId, passcode);
    }

    /** Every request gets {@code answer} instead of the normal one. */
    public void answerAlways(ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlPathEqualTo("/1/disassociate")).atPriority(1).willReturn(answer));
    }

    /** The first request gets {@code first}; later ones the normal answer. */
    public void answerFirst(ResponseDefinitionBuilder first) {
        answerInTurn(first);
    }

    /** The first requests get these answers, one each, in turn; later ones the normal answer. */
    public void answerInTurn(ResponseDefinitionBuilder... answers) {
        String state = STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = "answered " + (i + 1);
            server.stubFor(post(urlPathEqualTo("/1/disassociate"))
                    .atPriority(1)
                    .inScenario("in turn")
                    .whenScenarioStateIs(state)
                    .willSetStateTo(next)
                    .willReturn(answers[i]));
            state = next;
        }
    }

    /** Every normal answer comes this much later, as from a distant or busy API, so that requests are in flight. */
    public void answerAfter(int millis) {
        answer.delayMillis = millis;
    }

    /**
     * From now on requests are taken (they count as {@link #delivered()}) but not answered until
     * {@link #releaseAnswers()}: nothing the client sends settles meanwhile.
     */
    public void holdAnswers() {
        answer.hold = new CountDownLatch(1);
    }

    /** The requests held now, each waiting for {@link #releaseAnswers()}. */
    public int answersHeld() {
        return answer.held.get();
    }

    /** The requests held are answered, and those that come later at once. */
    public void releaseAnswers() {
        CountDownLatch hold = answer.hold;
        answer.hold = null;
        if (hold != null) {
            hold.countDown();
        }
    }

    /**
     * From now on a request is answered 429 (half of those with {@code Retry-After: 1}), 500, or has its connection
     * reset, with these probabilities, before it is even looked at.
     */
    public void misbehave(long seed, double tooMany, double serverError, double dropped) {
        answer.faults = new Faults(new Random(seed), tooMany, serverError, dropped);
    }

    /**
     * As CleverTap's per-account limit: at most {@code concurrent} requests at once are answered, each after
     * {@code millis}; one beyond them is answered 429 "Too many concurrent requests" at once, without Retry-After.
     */
    public void accountAllows(int concurrent, int millis) {
        answer.delayMillis = millis;
        answer.accountAllows = concurrent;
    }

    /** The requests answered 429 because more than {@link #accountAllows} were in flight. */
    public int tooManyAnswered() {
        return answer.tooMany.get();
    }

    /** The most requests in flight at the stand-in at one moment while {@link #accountAllows} was set, 429s included. */
    public int mostAtOnce() {
        return answer.mostAtOnce.get();
    }

    /** The status of each answer under {@link #accountAllows}, in the order the requests arrived. */
    public List<Integer> statusesInOrder() {
        synchronized (answer.statuses) {
            return List.copyOf(answer.statuses);
        }
    }

    /** The phone values of the requests answered 200: what CleverTap took. */
    public List<String> delivered() {
        synchronized (answer.delivered) {
            return List.copyOf(answer.delivered);
        }
    }

    record Faults(Random random, double tooMany, double serverError, double dropped) {

        ResponseDefinition next() {
            double draw;
            synchronized (random) {
                draw = random.nextDouble();
            }
            if (draw < tooMany) {
                ResponseDefinitionBuilder busy = aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"fail\",\"error\":\"Too many concurrent requests\"}");
                return (draw < tooMany / 2 ? busy.withHeader("Retry-After", "1") : busy).build();
            }
            if (draw < tooMany + serverError) {
                return aResponse()
                        .withStatus(500)
                        .withBody("{\"status\":\"fail\",\"error\":\"Internal error\"}")
                        .build();
            }
            if (draw < tooMany + serverError + dropped) {
                return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            }
            return null;
        }
    }

    /** The environment of an application pointed at this stand-in with its account, and {@code more} settings. */
    public Map<String, String> environment(Map<String, String> more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "CLEVERTAP_REGION",
                "in1",
                "CLEVERTAP_BASE_URL",
                baseUrl(),
                "CLEVERTAP_ACCOUNT_ID",
                ACCOUNT_ID,
                "CLEVERTAP_PASSCODE",
                PASSCODE));
        env.putAll(more);
        return env;
    }

    public WireMockServer wireMock() {
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /**
     * The requests that reached the stand-in, oldest first. WireMock logs a request as its answer leaves, a moment after
     * {@link #delivered()} counts its numbers: this waits until every request answered so far is logged, so that the two
     * agree.
     */
    public List<ServeEvent> requests() {
        await("the stand-in has logged every request it answered")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> server.getAllServeEvents().size() >= answer.seen.get() - answer.held.get());
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate().toInstant()));
        return events;
    }

    /** Milliseconds between the arrivals of consecutive requests, as the stand-in logged them. */
    public List<Long> arrivalGaps() {
        List<ServeEvent> requests = requests();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < requests.size(); i++) {
            gaps.add(requests.get(i).getRequest().getLoggedDate().toInstant().toEpochMilli()
                    - requests.get(i - 1)
                            .getRequest()
                            .getLoggedDate()
                            .toInstant()
                            .toEpochMilli());
        }
        return gaps;
    }

    /**
     * The most requests the stand-in was answering at one moment: each request lasts from its logged arrival for its
     * total time (the added delay included). Ends count before starts of the same millisecond, so a request sent as
     * another's answer arrives does not count as overlapping it. Call it once every request has been answered.
     */
    public int maxConcurrentRequests() {
        List<long[]> edges = new ArrayList<>();
        for (ServeEvent event : requests()) {
            long start = event.getRequest().getLoggedDate().toInstant().toEpochMilli();
            Integer total = event.getTiming() == null ? null : event.getTiming().getTotalTime();
            if (total == null) {
                throw new IllegalStateException("a request is still being answered: "
                        + event.getRequest().getUrl());
            }
            edges.add(new long[] {start, 1});
            edges.add(new long[] {start + total, -1});
        }
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int open = 0;
        int max = 0;
        for (long[] edge : edges) {
            open += (int) edge[1];
            max = Math.max(max, open);
        }
        return max;
    }

    /** The phone values of each request that reached the stand-in. */
    public List<List<String>> batches() {
        List<List<String>> batches = new ArrayList<>();
        for (ServeEvent event : requests()) {
            batches.add(values(event.getRequest().getBodyAsString()));
        }
        return batches;
    }

    public List<String> allValues() {
        return batches().stream().flatMap(List::stream).toList();
    }

    public static List<String> values(String body) {
        try {
            List<String> values = new ArrayList<>();
            for (JsonNode record : MAPPER.readTree(body).get("d")) {
                values.add(record.get("value").asText());
            }
            return values;
        } catch (Exception e) {
            throw new AssertionError("not a Disassociate body: " + body, e);
        }
    }

    /** The answer of the real API, after checking the request as the real API does. */
    static final class Answer implements ResponseDefinitionTransformerV2 {
        static final String NAME = "clevertap-disassociate";
        /** The passcode of each account id it takes. */
        final Map<String, String> passcodes;

        Answer(Map<String, String> passcodes) {
            this.passcodes = passcodes;
        }

        volatile int delayMillis;
        volatile Faults faults;
        volatile int accountAllows;
        volatile CountDownLatch hold;
        final AtomicInteger held = new AtomicInteger();
        /** Requests that reached the transformer: each is logged once its answer leaves. */
        final AtomicInteger seen = new AtomicInteger();

        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger tooMany = new AtomicInteger();
        final List<Integer> statuses = new ArrayList<>();
        final List<String> delivered = new ArrayList<>();
        final Map<String, String> otherAccounts = new ConcurrentHashMap<>();

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            seen.incrementAndGet();
            int allowed = accountAllows;
            if (allowed == 0) {
                ResponseDefinition answer = answer(event);
                holdWhileAsked();
                return answer;
            }
            int now = inFlight.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                if (now > allowed) {
                    tooMany.incrementAndGet();
                    record(429);
                    return json(429, Map.of("status", "fail", "error", "Too many concurrent requests"));
                }
                record(200);
                ResponseDefinition answer = answer(event);
                // the request is in flight for its whole answer time: the account's slot is held meanwhile
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(delayMillis));
                return ResponseDefinitionBuilder.like(answer)
                        .withFixedDelay(null)
                        .build();
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private void holdWhileAsked() {
            CountDownLatch gate = hold;
            if (gate == null) {
                return;
            }
            held.incrementAndGet();
            try {
                gate.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                held.decrementAndGet();
            }
        }

        private void record(int status) {
            synchronized (statuses) {
                statuses.add(status);
            }
        }

        private ResponseDefinition answer(ServeEvent event) {
            var request = event.getRequest();
            Faults misbehaving = faults;
            ResponseDefinition fault = misbehaving == null ? null : misbehaving.next();
            if (fault != null) {
                return fault;
            }
            String givenId = request.getHeader("X-CleverTap-Account-Id");
            String expected = givenId == null
                    ? null
                    : passcodes.containsKey(givenId) ? passcodes.get(givenId) : otherAccounts.get(givenId);
            if (expected == null || !expected.equals(request.getHeader("X-CleverTap-Passcode"))) {
                return json(401, Map.of("status", "fail", "error", "Invalid Credentials", "code", 401));
            }
            if (!"application/json; charset=utf-8".equalsIgnoreCase(request.getHeader("Content-Type"))) {
                return json(
                        400, Map.of("status", "fail", "error", "Content-Type must be application/json; charset=utf-8"));
            }
            JsonNode d;
            try {
                d = MAPPER.readTree(request.getBodyAsString()).get("d");
            } catch (Exception e) {
                return json(400, Map.of("status", "fail", "error", "Malformed JSON"));
            }
            if (d == null || !d.isArray() || d.isEmpty() || d.size() > 1000) {
                return json(400, Map.of("status", "fail", "error", "d must hold 1 to 1000 records"));
            }
            List<Map<String, Object>> unprocessed = new ArrayList<>();
            for (JsonNode record : d) {
                String value = record.path("value").asText("");
                if (!"phone".equals(record.path("type").asText())
                        || !E164.matcher(value).matches()) {
                    unprocessed.add(
                            Map.of("status", "fail", "code", 516, "error", "Invalid phone number", "record", record));
                } else if (value.endsWith("99")) {
                    unprocessed.add(Map.of(
                            "status", "fail", "code", 523, "error", "Phone is not an identity", "record", record));
                }
            }
            int processed = d.size() - unprocessed.size();
            String status = unprocessed.isEmpty() ? "success" : processed == 0 ? "fail" : "partial";
            synchronized (delivered) {
                d.forEach(record -> delivered.add(record.path("value").asText()));
            }
            ResponseDefinition ok =
                    json(200, Map.of("status", status, "processed", processed, "unprocessed", unprocessed));
            return delayMillis == 0
                    ? ok
                    : ResponseDefinitionBuilder.like(ok)
                            .withFixedDelay(delayMillis)
                            .build();
        }

        private static ResponseDefinition json(int status, Object body) {
            try {
                return aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(MAPPER.writeValueAsString(body))
                        .build();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
