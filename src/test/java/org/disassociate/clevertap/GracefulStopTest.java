package org.disassociate.clevertap;

import java.nio.file.Files;
import java.util.List;
import java.util.Properties;

import org.disassociate.clevertap.model.Settlement;
import org.disassociate.clevertap.model.Variables;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GracefulStopTest extends ApplicationTestSupport {

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        p.setProperty("clevertap.batch-timeout-ms", "600000");
        p.setProperty("camel.main.inflight-repository-browse-enabled", "true");
        return p;
    }

    @Test
    void theOpenBatchIsSentWhenTheApplicationStopsAndTheFileIsThenDone() throws Exception {
        drop("few.txt", numbers(7, 300));
        // the file's exchange waits, in flight, until its 7 numbers are settled
        await().atMost(WAIT)
                .until(() -> context.getInflightRepository().browse().stream()
                        .map(inflight -> inflight.getExchange().getVariable(Variables.SETTLEMENT, Settlement.class))
                        .anyMatch(settlement -> settlement != null && settlement.getAccepted() == 7));
        assertEquals(0, standIn.requests().size(), "nothing sent before the stop: the batch is neither full nor quiet");

        context.stop();

        assertEquals(
                List.of(indian(300), indian(301), indian(302), indian(303), indian(304), indian(305), indian(306)),
                standIn.allValues());
        assertTrue(Files.exists(inbox().resolve(".done").resolve("few.txt")));
    }
}
