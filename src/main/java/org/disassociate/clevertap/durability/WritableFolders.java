package org.disassociate.clevertap.durability;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.disassociate.clevertap.model.ConfigurationException;

/**
 * At start-up, the folders this service must write before it acknowledges anything: {@code state.dir} (the spool and
 * the checkpoints) and, for a file error channel, {@code errors.dir}. Each is created if missing and checked with a
 * write and an fsync; one that cannot be written stops the start with one line, rather than a service that is ready
 * and then answers every request with an error.
 */
public class WritableFolders {

    private String stateDir = "data/state";
    private String errorsDir = "data/errors";
    private String errorsUri = "";

    public void setStateDir(String stateDir) {
        this.stateDir = stateDir;
    }

    public void setErrorsDir(String errorsDir) {
        this.errorsDir = errorsDir;
    }

    public void setErrorsUri(String errorsUri) {
        this.errorsUri = errorsUri == null ? "" : errorsUri.trim();
    }

    public void check() {
        check("state.dir (STATE_DIR)", Path.of(stateDir));
        if (errorsUri.startsWith("file:")) {
            check("errors.dir (ERRORS_DIR)", Path.of(errorsDir));
        }
    }

    /** Creates {@code folder} if needed, writes and fsyncs a probe file in it, and removes it. */
    static void check(String setting, Path folder) {
        Path probe = folder.resolve(".write-check-" + UUID.randomUUID());
        try {
            Files.createDirectories(folder);
            try (FileChannel channel =
                    FileChannel.open(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
                channel.force(true);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException(
                    setting + " " + folder.toAbsolutePath() + " cannot be written: " + reason(e));
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : " " + message);
    }
}
