package org.disassociate.clevertap.durability;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The spool's backlog, which holds the JMS intake back: the numbers appended and not yet taken by the spool's reader,
 * in the open segments and in those put in place.
 */
class SpoolBacklogTest {

    @TempDir
    Path dir;

    @Test
    void numbersWaitFromTheirAppendUntilTheReaderTakesTheirFile() throws IOException {
        Spool spool = new Spool();
        spool.setDir(dir.toString());
        spool.setRotateMillis(0);
        spool.awaitDurable(spool.write("default", "jms", lines("+919213231415\n+919213231416\n"), 2, true));
        assertEquals(2, spool.getAsLong(), "in the open segment");

        spool.rotate();
        assertEquals(2, spool.getAsLong(), "put in place, not taken yet");
        spool.awaitDurable(spool.write("default", "jms", lines("+919213231417\n"), 1, true));
        assertEquals(3, spool.getAsLong());

        spool.taken(placedFiles().get(0));
        assertEquals(1, spool.getAsLong(), "the file taken; the new open segment's number waits");
        spool.taken("jms-unknown-1.txt");
        assertEquals(1, spool.getAsLong(), "a file the spool did not count (recovered at start-up) changes nothing");
    }

    private static ByteBuffer lines(String lines) {
        return ByteBuffer.wrap(lines.getBytes(StandardCharsets.US_ASCII));
    }

    private List<String> placedFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("default"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> !n.startsWith(Spool.WRITING))
                    .toList();
        }
    }
}
