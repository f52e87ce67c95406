package org.disassociate.clevertap.validation;

import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** clevertap.default-country other than IN: numbers written without + are read as that country's. */
class DefaultCountryTest extends ApplicationTestSupport {

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        p.setProperty("clevertap.default-country", "US");
        return p;
    }

    @Test
    void numbersWithoutPlusAreReadAsUsNumbersAndAnIndianOneIsRefused() {
        drop("us.txt", "415 555 0100\n(415) 555-0101\n98123 45601\n");

        awaitDone("us.txt");
        assertEquals(List.of("+14155550100", "+14155550101"), standIn.allValues());
        List<JsonNode> errors = errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("98123 45601", errors.get(0).path("record").path("value").asText());
        assertEquals("file:us.txt", errors.get(0).path("source").asText());
    }
}
