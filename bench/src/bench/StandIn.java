package bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.disassociate.clevertap.testing.CleverTapStandIn;

/**
 * The stand-in of CleverTap's Disassociate API the measures run against: the tests' {@link CleverTapStandIn}, one for
 * each account whose limit counts apart (CleverTap limits each account's requests at once on its own), answering
 * after {@code answerMillis} and, with {@code allows} above 0, 429 to a request beyond that many at once
 * ({@link CleverTapStandIn#accountAllows}). Around them, what the measures count: a listener on each one's WireMock
 * server records, for every answer 200, when each number arrived and under which account; WireMock's own log of
 * requests gives a trace line per request.
 */
final class StandIn implements AutoCloseable {

    /** The account of the application's default settings ({@link App}). */
    static final String ACCOUNT = "BENCH";

    static final String PASSCODE = "bench-passcode";
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]*)\"");

    private final int answerMillis;
    private final int allows;
    private final boolean keepAccounts;
    private final Map<String, CleverTapStandIn> byAccount = new LinkedHashMap<>();
    /** Accounts the first stand-in takes besides its own, until closed: {@link #accept}. */
    private final Map<String, String> accepted = new LinkedHashMap<>();

    /** When each distinct number first arrived in a request answered 200 (nanoTime). */
    final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    /** Every number received in a request answered 200, a number received twice counted twice. */
    final AtomicLong values = new AtomicLong();
    /** The numbers received under each account (X-CleverTap-Account-Id). */
    final Map<String, AtomicLong> valuesByAccount = new ConcurrentHashMap<>();
    /** {@code perAccount} stand-ins only: the account each number came under ("a,b" when under two). */
    final Map<String, String> accountOf = new ConcurrentHashMap<>();

    /**
     * When each request's answer left (epoch ms, to the microsecond), by its status and first number, in the order they
     * left: WireMock's log has each request's arrival, not the end of an answer its account's limit held back.
     */
    private final Map<String, Queue<Double>> answeredAt = new ConcurrentHashMap<>();

    private StandIn(int answerMillis, int allows, boolean keepAccounts) {
        this.answerMillis = answerMillis;
        this.allows = allows;
        this.keepAccounts = keepAccounts;
    }

    /** The default account's stand-in, answering at once, with no limit. */
    static StandIn start() {
        return start(0, 0);
    }

    /** The default account's stand-in: answers after {@code answerMillis}; {@code allows} at once (0: no limit). */
    static StandIn start(int answerMillis, int allows) {
        return start(answerMillis, allows, Map.of(ACCOUNT, PASSCODE), false);
    }

    /**
     * A stand-in for each of these accounts (id to passcode), each with its own limit and URL, and which account each
     * number came under kept ({@link #accountOf}).
     */
    static StandIn perAccount(int answerMillis, int allows, Map<String, String> accounts) {
        return start(answerMillis, allows, accounts, true);
    }

    private static StandIn start(int answerMillis, int allows, Map<String, String> accounts, boolean keepAccounts) {
        StandIn standIn = new StandIn(answerMillis, allows, keepAccounts);
        try {
            for (Map.Entry<String, String> account : new java.util.TreeMap<>(accounts).entrySet()) {
                CleverTapStandIn one = new CleverTapStandIn(account.getKey(), account.getValue()).start();
                standIn.byAccount.put(account.getKey(), one);
                one.wireMock().addMockServiceRequestListener(standIn::received);
                standIn.limit(one);
            }
        } catch (RuntimeException e) {
            standIn.close();
            throw e;
        }
        return standIn;
    }

    /**
     * Has the stand-in's own code (Jetty, WireMock, the tests' checks, Jackson) compiled by the JIT before any measure:
     * a throwaway stand-in answers {@code requests} requests of 1,000 numbers. Cold, a request took it about 35 ms
     * where a warm one takes about 5; the first measure's requests would pay for that, and the floor's most of all.
     */
    static void warmUp(int requests) throws Exception {
        StringBuilder body = new StringBuilder("{\"d\":[");
        for (int i = 0; i < 1000; i++) {
            body.append(i > 0 ? "," : "").append(String.format("{\"type\":\"phone\",\"value\":\"+9197%08d\"}", i));
        }
        String json = body.append("]}").toString();
        try (StandIn standIn = start()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create(standIn.url() + "/1/disassociate"))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-CleverTap-Account-Id", ACCOUNT)
                    .header("X-CleverTap-Passcode", PASSCODE)
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            for (int i = 0; i < requests; i++) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(
                            "the stand-in answered " + response.statusCode() + ": " + response.body());
                }
            }
        }
    }

    private void limit(CleverTapStandIn one) {
        if (allows > 0) {
            one.accountAllows(allows, answerMillis);
        } else if (answerMillis > 0) {
            one.answerAfter(answerMillis);
        }
    }

    /** The first stand-in takes this account too (its numbers are counted under it), for this stand-in's whole life. */
    void accept(String accountId, String passcode) {
        accepted.put(accountId, passcode);
        first().accept(accountId, passcode);
    }

    private CleverTapStandIn first() {
        return byAccount.values().iterator().next();
    }

    /** The first account's base URL, for CLEVERTAP_BASE_URL. */
    String url() {
        return first().baseUrl();
    }

    /** The base URL of this account's stand-in ({@link #perAccount}), else the first's. */
    String url(String accountId) {
        CleverTapStandIn one = byAccount.get(accountId);
        return one == null ? url() : one.baseUrl();
    }

    /** The requests answered 429 because more than {@code allows} were in flight at an account. */
    long refused() {
        return byAccount.values().stream()
                .mapToLong(CleverTapStandIn::tooManyAnswered)
                .sum();
    }

    /** The most requests in flight at one moment at the first account, 429s included ({@code allows} set only). */
    int mostAtOnce() {
        return first().mostAtOnce();
    }

    /** The most requests in flight at one moment at this account's stand-in, 429s included ({@code allows} set only). */
    int mostAtOnce(String accountId) {
        CleverTapStandIn one = byAccount.get(accountId);
        return one == null ? 0 : one.mostAtOnce();
    }

    /** Forgets what it has received (after a warm-up); its answers, limits and accounts stay as they were. */
    void reset() {
        for (CleverTapStandIn one : byAccount.values()) {
            one.reset();
            limit(one);
        }
        accepted.forEach(first()::accept);
        receivedAt.clear();
        values.set(0);
        valuesByAccount.clear();
        accountOf.clear();
        answeredAt.clear();
    }

    /** The numbers of a request answered 200 are counted. */
    private void received(Request request, Response response) {
        long end = System.nanoTime();
        Instant now = Instant.now();
        String account = String.valueOf(request.getHeader("X-CleverTap-Account-Id"));
        int status = response.getStatus();
        Matcher value = VALUE.matcher(request.getBodyAsString());
        String first = value.find() ? value.group(1) : "";
        answeredAt
                .computeIfAbsent(status + " " + first, k -> new ConcurrentLinkedQueue<>())
                .add(now.getEpochSecond() * 1000.0 + now.getNano() / 1e6);
        int count = 0;
        if (status == 200 && !first.isEmpty()) {
            value.reset();
            while (value.find()) {
                receivedAt.putIfAbsent(value.group(1), end);
                if (keepAccounts) {
                    accountOf.merge(value.group(1), account, (a, b) -> a.equals(b) ? a : a + "," + b);
                }
                count++;
            }
            values.addAndGet(count);
            valuesByAccount.computeIfAbsent(account, a -> new AtomicLong()).addAndGet(count);
        }
    }

    /** Each account's numbers, and the most at once at its stand-in when it has a limit, in the accounts' order. */
    List<String> perAccountLines() {
        List<String> lines = new ArrayList<>();
        new java.util.TreeMap<>(valuesByAccount)
                .forEach((account, received) -> lines.add(
                        account + " " + Report.f0(received.get()) + " numbers, most at once " + mostAtOnce(account)));
        return lines;
    }

    /**
     * A line per request the stand-ins logged since {@code sinceMillis} (epoch), oldest first: its arrival (to the
     * millisecond: WireMock's log) and the end of its answer in ms since then, the numbers of an answer 200, its status
     * and its account.
     */
    List<String> trace(long sinceMillis) {
        List<ServeEvent> events = new ArrayList<>();
        byAccount.values().forEach(one -> events.addAll(one.wireMock().getAllServeEvents()));
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        Map<String, Queue<Double>> ends = new java.util.HashMap<>();
        answeredAt.forEach((key, times) -> ends.put(key, new java.util.ArrayDeque<>(times)));
        List<String> lines = new ArrayList<>();
        for (ServeEvent event : events) {
            long arrived = event.getRequest().getLoggedDate().getTime();
            int status = event.getResponse().getStatus();
            Matcher value = VALUE.matcher(event.getRequest().getBodyAsString());
            String first = value.find() ? value.group(1) : "";
            Queue<Double> end = ends.get(status + " " + first);
            Double answered = end == null ? null : end.poll();
            if (arrived < sinceMillis) {
                continue;
            }
            int count = 0;
            if (status == 200 && !first.isEmpty()) {
                value.reset();
                while (value.find()) {
                    count++;
                }
            }
            lines.add(String.format(
                    java.util.Locale.ROOT,
                    "%.3f %.3f %d %d %s",
                    (double) (arrived - sinceMillis),
                    (answered == null ? arrived : answered) - sinceMillis,
                    count,
                    status,
                    event.getRequest().getHeader("X-CleverTap-Account-Id")));
        }
        return lines;
    }

    /** Waits until {@code count} distinct numbers have arrived, or throws if {@code app} dies; when the last arrived (nanos). */
    long awaitDelivered(App app, int count, long start) throws InterruptedException {
        while (receivedAt.size() < count) {
            app.checkAlive();
            Thread.sleep(50);
        }
        return lastArrival(start);
    }

    /** When the last distinct number arrived (nanos), {@code otherwise} when none has. */
    long lastArrival(long otherwise) {
        return receivedAt.values().stream().mapToLong(Long::longValue).max().orElse(otherwise);
    }

    @Override
    public void close() {
        for (CleverTapStandIn one : byAccount.values()) {
            one.stop();
        }
    }
}
