package org.disassociate.clevertap.model;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file's settled position is the low-water mark of its chunks: never past a number still on its way. */
class SettlementTest {

    final Settlement settlement = new Settlement("file:crm.txt");

    Settlement.Chunk read(long values, long line, int valid) {
        Settlement.Chunk chunk = settlement.chunkRead(200, new FilePosition(values, line));
        chunk.checked(valid, 200 - valid);
        chunk.handled();
        return chunk;
    }

    @Test
    void batchesSettlingOutOfOrderMoveThePositionOnlyPastChunksWithNothingOnItsWay() {
        Settlement.Chunk first = read(200, 201, 200);
        Settlement.Chunk second = read(400, 402, 200);
        Settlement.Chunk third = read(600, 603, 200);

        second.settled(Account.DEFAULT, 200, 0, false, Instant.now());
        third.settled(Account.DEFAULT, 150, 0, false, Instant.now());
        assertEquals(FilePosition.START, settlement.getSettledTo(), "the first chunk is still on its way");

        first.settled(Account.DEFAULT, 190, 10, false, Instant.now());
        assertEquals(
                new FilePosition(400, 402), settlement.getSettledTo(), "up to the end of the second, not the third");

        third.settled(Account.DEFAULT, 50, 0, false, Instant.now());
        assertEquals(new FilePosition(600, 603), settlement.getSettledTo());
        assertEquals(new FilePosition(600, 603), settlement.getReadTo());
    }

    @Test
    void aChunkIsHeldUntilHandledEvenWithNoValidNumber() {
        Settlement.Chunk invalidOnly = settlement.chunkRead(200, new FilePosition(200, 200));
        invalidOnly.checked(0, 200);
        assertEquals(FilePosition.START, settlement.getSettledTo(), "its refusals are not yet in the error channel");
        invalidOnly.handled();
        assertEquals(new FilePosition(200, 200), settlement.getSettledTo());
    }

    @Test
    void aResumedFileCountsWhatTheCrashedRunHadReadAlready() {
        settlement.resumeAt(new FilePosition(400, 400), new FilePosition(1000, 1000));
        read(600, 600, 190);
        read(800, 800, 200);
        read(1000, 1000, 200);
        read(1200, 1200, 200);
        assertEquals(590, settlement.getReadAgain());
        assertEquals(new FilePosition(400, 400), settlement.getResumedAt());
    }

    @Test
    void eachAccountsNumbersAreCountedApartAndTheSummaryNamesThemWhenThereAreSeveral() {
        Settlement.Chunk chunk = read(200, 200, 200);
        chunk.settled("india", 90, 10, false, Instant.now());
        chunk.settled("sea", 0, 40, true, Instant.now());
        chunk.setAside("sea", 60);

        assertEquals(
                Map.of(
                        "india",
                        new Settlement.AccountCounts(90, 10, 0),
                        "sea",
                        new Settlement.AccountCounts(0, 40, 60)),
                settlement.getAccounts());
        assertEquals(60, settlement.getSetAside());
        assertTrue(settlement.seal().isDone(), "every number is settled or set aside");
        String summary = settlement.summary();
        assertTrue(summary.contains("90 processed by CleverTap, 50 to the error channel, 60 set aside"), summary);
        assertTrue(
                summary.endsWith("; india: 90 processed, 10 to the error channel; sea: 0 processed, 40 to the error "
                        + "channel, 60 set aside"),
                summary);
    }

    @Test
    void theSummaryOfOneAccountsNumbersHasOnlyTheTotals() {
        Settlement.Chunk chunk = read(200, 200, 200);
        chunk.settled(Account.DEFAULT, 200, 0, false, Instant.now());

        assertEquals(Map.of(Account.DEFAULT, new Settlement.AccountCounts(200, 0, 0)), settlement.getAccounts());
        assertFalse(settlement.summary().contains(Account.DEFAULT), settlement.summary());
    }
}
