package org.disassociate.clevertap.api;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many requests this instance lets be in flight at once: at most {@code clevertap.max-in-flight}, fewer after
 * CleverTap said it was too many. A 429 halves the limit (never below 1); each window of successes (as many 2xx
 * answers in a row as the limit) adds one back, up to the cap. Several 429s of one moment count once: a 429 to a
 * request sent before the last decrease was sent under the old limit, and says nothing new.
 * <p>
 * The limit that got the 429 is not reached again at once: the cap is one below it for {@code probeMillis}
 * ({@code clevertap.concurrency-probe-ms}), then one higher for each such period without a 429. So an account that
 * allows fewer requests than {@code max-in-flight} sees 429s at the start and then, once a period, a single probe.
 * <p>
 * It helps with or without the fleet's shared limit ({@link AccountSlots}), above all when nobody knows the account's
 * number. The log says why the limit changed, at most once a second; the gauge {@code clevertap.requests.concurrency}
 * shows it.
 */
public class AdaptiveConcurrency {

    private static final Logger LOG = LoggerFactory.getLogger(AdaptiveConcurrency.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private String account = "default";
    private int max = 3;
    private int limit = 3;
    /** One below the limit of the last 429: the cap until {@code probeMillis} have passed without another. */
    private int ceiling = Integer.MAX_VALUE;

    private long probeNanos = TimeUnit.SECONDS.toNanos(60);
    private int inFlight;
    private int successes;
    private long lastDecrease = Long.MIN_VALUE;
    private long lastLog = Long.MIN_VALUE;
    private int changesNotLogged;

    /** The name of the account whose requests it limits, for the log. */
    public void setAccount(String account) {
        this.account = account;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.max = maxInFlight;
        this.limit = maxInFlight;
    }

    public void setProbeMillis(long probeMillis) {
        this.probeNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, probeMillis));
    }

    /** Waits until a request may start; returns when it started (for {@link #ended}). */
    public long begin() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (inFlight >= limit) {
                freed.await();
            }
            inFlight++;
            return System.nanoTime();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A request begun at {@code started} ended with HTTP {@code status} (0: no answer: a timeout, a dropped
     * connection, which neither lowers nor raises the limit).
     */
    public void ended(long started, int status) {
        lock.lock();
        try {
            inFlight--;
            long now = System.nanoTime();
            if (status == 429) {
                if (started > lastDecrease) {
                    int before = limit;
                    ceiling = Math.max(1, limit - 1);
                    limit = Math.max(1, limit / 2);
                    lastDecrease = now;
                    if (limit != before) {
                        log(before, "CleverTap answered 429 Too Many Requests");
                    }
                }
                successes = 0;
            } else if (status >= 200 && status < 300 && ++successes >= limit && limit < cap(now)) {
                int before = limit;
                limit++;
                successes = 0;
                log(before, before + " answers in a row without a 429");
            }
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** What the limit may rise to now: {@code max-in-flight}, or less for a while after a 429. */
    private int cap(long now) {
        if (ceiling >= max) {
            return max;
        }
        long periods = (now - lastDecrease) / probeNanos;
        return (int) Math.min(max, ceiling + periods);
    }

    /** The limit now: what the gauge shows. */
    public int limit() {
        return limit;
    }

    private void log(int before, String why) {
        long now = System.nanoTime();
        if (now - lastLog < LOG_EVERY_NANOS && lastLog != Long.MIN_VALUE) {
            changesNotLogged++;
            return;
        }
        String skipped =
                changesNotLogged == 0 ? "" : " (" + changesNotLogged + " changes in the second before not logged)";
        LOG.info(
                "CleverTap requests at once for account {}: {} -> {} of at most {}: {}{}",
                account,
                before,
                limit,
                max,
                why,
                skipped);
        lastLog = now;
        changesNotLogged = 0;
    }
}
