package org.disassociate.clevertap.operations;

import java.time.Instant;
import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.disassociate.clevertap.model.FilePosition;
import org.disassociate.clevertap.model.Settlement;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A file's run report counts each account's numbers, and says when some were set aside rather than delivered. */
class RunReportsTest {

    @Test
    void aFileWithNumbersSetAsideIsPartlySetAsideWithEachAccountsCounts() throws Exception {
        Settlement settlement = new Settlement("file:mixed.txt");
        Settlement.Chunk chunk = settlement.chunkRead(10, new FilePosition(10, 10));
        chunk.checked(10, 0);
        chunk.handled();
        chunk.settled("india", 4, 1, false, Instant.now());
        chunk.setAside("sea", 5);

        try (DefaultCamelContext context = new DefaultCamelContext()) {
            RunReport report = new RunReports().settled("mixed.txt", settlement, new DefaultExchange(context));

            assertEquals("partly-set-aside", report.outcome());
            assertEquals(5, report.setAside());
            assertEquals(
                    Map.of(
                            "india",
                            new Settlement.AccountCounts(4, 1, 0),
                            "sea",
                            new Settlement.AccountCounts(0, 0, 5)),
                    report.accounts());
        }
    }
}
