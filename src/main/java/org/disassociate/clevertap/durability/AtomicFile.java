package org.disassociate.clevertap.durability;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * How this service makes a file durable and visible at once: its content is forced to disk under another name, then
 * renamed into place. A crash at any moment leaves either the last complete file or none, never a torn one. The spool's
 * segments and the checkpoints both use it.
 */
final class AtomicFile {

    private AtomicFile() {}

    /** Writes {@code content} to {@code target} whole, replacing what was there. */
    static void write(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = temporaryOf(target);
        FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        publish(channel, temporary, target);
    }

    /** Forces and closes {@code channel}, the file {@code written}, and renames it to {@code target}. */
    static void publish(FileChannel channel, Path written, Path target) throws IOException {
        try (channel) {
            channel.force(false);
        }
        try {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Where {@link #write} puts the content before it is renamed into place. */
    static Path temporaryOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp");
    }
}
