package org.disassociate.clevertap.intake.kamelet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The source a host's message names, as its error records will say it. */
class SinkMessagesTest {

    final SinkMessages messages = new SinkMessages();

    @Test
    void aMessageWithoutASourceIsTheKamelets() {
        assertEquals("kamelet", messages.source(null));
        assertEquals("kamelet", messages.source("  "));
    }

    @Test
    void aSourceIsKeptToItsFirstSixtyCharacters() {
        assertEquals("sftp:orders", messages.source(" sftp:orders\n"));
        assertEquals("𝄞".repeat(60), messages.source("𝄞".repeat(61)));
    }
}
