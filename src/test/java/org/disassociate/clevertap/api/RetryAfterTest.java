package org.disassociate.clevertap.api;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How long a Retry-After header makes a batch wait: what it asks, never more than the cap. */
class RetryAfterTest {

    private final RetryAfter retryAfter = new RetryAfter();

    @Test
    void secondsAreReadAsMilliseconds() {
        assertEquals(30_000L, retryAfter.millis("30"));
        assertEquals(7_000L, retryAfter.millis(" 7 "));
        assertEquals(0L, retryAfter.millis("0"));
    }

    @Test
    void anHttpDateInTheFutureIsTheTimeUntilThen() {
        Long wait = retryAfter.millis(httpDate(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30)));

        // HTTP dates have whole seconds: up to a second less than asked, and a little for the time the test takes
        assertTrue(wait != null && wait > 25_000 && wait <= 30_000, "waits " + wait + " ms");
    }

    @Test
    void anHttpDateInThePastMeansNoWait() {
        assertEquals(0L, retryAfter.millis("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(0L, retryAfter.millis("-5"), "nor do negative seconds");
    }

    @Test
    void aHeaderThatIsAbsentBlankOrUnreadableGivesNoWait() {
        assertNull(retryAfter.millis(null));
        assertNull(retryAfter.millis(""));
        assertNull(retryAfter.millis("   "));
        assertNull(retryAfter.millis("soon"));
        assertNull(retryAfter.millis("1.5"));
        assertNull(retryAfter.millis("Someday, 99 Foo 2015 99:99:99 GMT"));
    }

    @Test
    void aWaitLongerThanTheCapIsCutToTheCap() {
        retryAfter.setMaxMillis(5_000);

        assertEquals(5_000L, retryAfter.millis("3600"));
        assertEquals(
                5_000L,
                retryAfter.millis(httpDate(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1))));
        assertEquals(4_000L, retryAfter.millis("4"), "a shorter wait is kept");
    }

    @Test
    void theCapIsAMinuteUnlessConfigured() {
        assertEquals(60_000L, retryAfter.millis("86400"));
    }

    private static String httpDate(ZonedDateTime at) {
        // as servers write it (IMF-fixdate): two-digit day, GMT
        return DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .format(at);
    }
}
