package org.disassociate.clevertap.api;

import java.util.Properties;

import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DryRunTest extends ApplicationTestSupport {

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        p.setProperty("clevertap.dry-run", "true");
        return p;
    }

    @Test
    void everyRequestCarriesDryRun() {
        drop("dry.txt", numbers(1500, 0));

        awaitDone("dry.txt");

        assertEquals(2, standIn.requests().size());
        standIn.requests()
                .forEach(r -> assertEquals(
                        "1", r.getRequest().queryParameter("dryRun").firstValue()));
    }
}
