package org.disassociate.clevertap.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A segment that cannot be put in place: the appends it holds that no fsync has covered yet are refused (their caller
 * answers with an error and the sender sends again), never acknowledged as durable.
 */
class SpoolFailureTest {

    @TempDir
    Path dir;

    @Test
    void anAppendWhoseSegmentFailsToBePutInPlaceBeforeItsFsyncIsNotAcknowledged() throws IOException {
        Spool spool = new Spool();
        spool.setDir(dir.toString());
        spool.setRotateMillis(0);
        Spool.Written written = spool.write(
                "default", "rest", ByteBuffer.wrap("+919213231415\n".getBytes(StandardCharsets.US_ASCII)), 1, true);
        blockTheRenameOf(written.segment());

        assertThrows(UncheckedIOException.class, spool::rotate, "the rotation reports the segment it could not place");
        IOException refused = assertThrows(
                IOException.class,
                () -> spool.awaitDurable(written),
                "the append was written to a segment that then failed: it is not durable");
        assertTrue(refused.getMessage().contains("not durable"), refused.getMessage());
    }

    @Test
    void anAppendAnFsyncCoveredStaysAcknowledgedWhenItsSegmentLaterFails() throws IOException {
        Spool spool = new Spool();
        spool.setDir(dir.toString());
        spool.setRotateMillis(0);
        Spool.Written written = spool.write(
                "default", "rest", ByteBuffer.wrap("+919213231415\n".getBytes(StandardCharsets.US_ASCII)), 1, true);
        spool.awaitDurable(written);
        blockTheRenameOf(written.segment());

        assertThrows(UncheckedIOException.class, spool::rotate);
        spool.awaitDurable(written); // its fsync came first: still durable, nothing to refuse
        try (Stream<Path> files = Files.list(dir.resolve("default"))) {
            assertTrue(
                    files.anyMatch(f -> f.getFileName().toString().startsWith(Spool.WRITING)),
                    "the segment stays where the next start recovers it");
        }
    }

    /** A non-empty folder where the segment is to be renamed to: the rename fails. */
    private static void blockTheRenameOf(Spool.Segment segment) throws IOException {
        Files.createDirectories(segment.target);
        Files.writeString(segment.target.resolve("in-the-way"), "");
    }
}
