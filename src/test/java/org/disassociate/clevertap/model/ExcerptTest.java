package org.disassociate.clevertap.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Foreign text is made fit for logs, exceptions and spans: no phone number in it. */
class ExcerptTest {

    @Test
    void hidesEveryRunOfSevenDigitsOrMoreAsAPhoneNumberIsWritten() {
        assertEquals(
                "Invalid phone <digits>, code 516", Excerpt.withoutNumbers("Invalid phone +919812345611, code 516"));
        assertEquals("Unrecognized token 'ab<digits>'", Excerpt.withoutNumbers("Unrecognized token 'ab9812345611'"));
        assertEquals("call <digits> or <digits>", Excerpt.withoutNumbers("call +91 98123 45611 or (0)98-123-4561"));
    }

    @Test
    void keepsShortNumbersSuchAsCodesAndCounts() {
        assertEquals("HTTP 429: 12 requests, code 516", Excerpt.withoutNumbers("HTTP 429: 12 requests, code 516"));
        assertEquals(null, Excerpt.withoutNumbers(null));
    }
}
