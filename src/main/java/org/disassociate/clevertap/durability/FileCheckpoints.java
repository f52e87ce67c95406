package org.disassociate.clevertap.durability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.disassociate.clevertap.model.FilePosition;
import org.disassociate.clevertap.model.Json;
import org.disassociate.clevertap.model.Settlement;
import org.disassociate.clevertap.model.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A checkpoint per durable file being read (an inbox file, a spool file), in {@code state.dir/checkpoints}: the
 * position below which every number of the file is settled, so that a run after a crash reads on from there instead of
 * from the first line.
 * <p>
 * A checkpoint is saved whenever its file's settled position advances, with how far the file was read by then, on a
 * thread of its own so that no batch waits for it; saves that pile up while one is written are folded into the next. Each save is
 * written to a temporary file, forced to disk and renamed over the last one: a crash at any moment leaves the last
 * complete checkpoint, never a torn one. It names the file by size, modification time and a hash of its first
 * {@value #IDENTITY_BYTES} bytes; a file replaced or changed under the same name is read from the start. It is removed
 * once every number of its file is settled, before the file leaves for {@code .done/} (or {@code .failed/}).
 */
public class FileCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(FileCheckpoints.class);
    static final int IDENTITY_BYTES = 64 * 1024;
    static final String SUFFIX = ".checkpoint.json";

    private Path dir = Path.of("data", "state", "checkpoints");
    private final Map<Path, Saver> savers = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "checkpoints");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean failing;

    public void setDir(String dir) {
        this.dir = Path.of(dir);
    }

    /**
     * A file was picked up: when it has a checkpoint that still names it, its settlement resumes there; from now on,
     * its settlement's progress is saved.
     */
    public void resume(
            @Header(Exchange.FILE_PATH) String filePath, @Variable(Variables.SETTLEMENT) Settlement settlement)
            throws IOException {
        Path file = Path.of(filePath).toAbsolutePath();
        Identity identity = Identity.of(file);
        Path checkpointFile = checkpointOf(file);
        Checkpoint saved = read(checkpointFile);
        if (saved != null) {
            String change = saved.identity().differenceFrom(identity);
            if (change == null) {
                settlement.resumeAt(
                        new FilePosition(saved.settledValues(), saved.settledLine()),
                        new FilePosition(saved.readValues(), saved.readLine()));
                LOG.info(
                        "Resuming {} after line {}: its first {} values were settled before the last stop",
                        file.getFileName(),
                        saved.settledLine(),
                        saved.settledValues());
            } else {
                LOG.warn(
                        "Reading {} from the start, not from its checkpoint (line {}): {}",
                        file.getFileName(),
                        saved.settledLine(),
                        change);
                Files.deleteIfExists(checkpointFile);
            }
        }
        Saver saver = new Saver(file, checkpointFile, identity);
        savers.put(file, saver);
        settlement.onProgress(saver::offer);
    }

    /** Every number of the file is settled, or it fails as a whole: its checkpoint goes, before the file leaves. */
    public void remove(@Header(Exchange.FILE_PATH) String filePath) throws IOException {
        Path file = Path.of(filePath).toAbsolutePath();
        Saver saver = savers.remove(file);
        if (saver != null) {
            saver.remove();
        } else {
            Files.deleteIfExists(checkpointOf(file));
        }
    }

    /** At stop: the saves asked for so far are written. */
    public void close() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn(
                    "Checkpoints: the last saves did not finish within 10 s; those files resume from an earlier position");
        }
    }

    /** {@code <file name>.<hash of its folder>.checkpoint.json}: an inbox file and a spool file never share one. */
    Path checkpointOf(Path file) {
        String folder =
                HexFormat.of().formatHex(sha256(file.getParent().toString().getBytes(StandardCharsets.UTF_8)), 0, 4);
        return dir.resolve(file.getFileName() + "." + folder + SUFFIX);
    }

    private Checkpoint read(Path checkpointFile) {
        try {
            return Json.mapper().readValue(Files.readAllBytes(checkpointFile), Checkpoint.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.warn(
                    "Checkpoint {} cannot be read ({}): its file is read from the start",
                    checkpointFile,
                    e.getMessage());
            return null;
        }
    }

    private void write(Path target, Checkpoint checkpoint) throws IOException {
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(checkpoint);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        AtomicFile.write(target, json);
    }

    /**
     * The saves of one file's checkpoint: the latest asked for is written; none after its removal. Asking takes no lock
     * that a write holds: a batch never waits for a disk.
     */
    private final class Saver {
        private final Path file;
        private final Path target;
        private final Identity identity;
        private final Object writing = new Object();
        private Checkpoint latest;
        private boolean queued;
        private volatile boolean removed;

        Saver(Path file, Path target, Identity identity) {
            this.file = file;
            this.target = target;
            this.identity = identity;
        }

        void offer(Settlement settlement) {
            FilePosition settled = settlement.getSettledTo();
            FilePosition read = settlement.getReadTo();
            synchronized (this) {
                if (removed) {
                    return;
                }
                latest = new Checkpoint(
                        file.getFileName().toString(),
                        identity,
                        settled.values(),
                        settled.line(),
                        read.values(),
                        read.line(),
                        Instant.now().toString());
                if (queued) {
                    return;
                }
                queued = true;
            }
            try {
                writer.execute(this::save);
            } catch (RejectedExecutionException e) {
                // stopped: the file resumes from the last checkpoint written
                synchronized (this) {
                    queued = false;
                }
            }
        }

        private void save() {
            Checkpoint checkpoint;
            synchronized (this) {
                queued = false;
                checkpoint = latest;
            }
            synchronized (writing) {
                if (removed) {
                    return;
                }
                try {
                    write(target, checkpoint);
                    if (failing) {
                        failing = false;
                        LOG.info("Checkpoints are written again");
                    }
                } catch (IOException | RuntimeException e) {
                    if (!failing) {
                        failing = true;
                        LOG.warn(
                                "Checkpoint of {} cannot be written ({}): after a crash, its file is read again from an "
                                        + "earlier position (numbers sent twice, none lost)",
                                file.getFileName(),
                                e.toString());
                    }
                }
            }
        }

        void remove() throws IOException {
            synchronized (writing) {
                removed = true;
                Files.deleteIfExists(target);
                Files.deleteIfExists(AtomicFile.temporaryOf(target));
            }
        }
    }

    /**
     * What a checkpoint file holds: the file it belongs to, the position below which every value is settled, and how far
     * that run had read (its numbers beyond the settled position may have reached CleverTap already).
     */
    public record Checkpoint(
            String file,
            Identity identity,
            long settledValues,
            long settledLine,
            long readValues,
            long readLine,
            String savedAt) {}

    /** Size, modification time and a hash of the first bytes: enough to tell the same file from a replaced one. */
    public record Identity(long size, long modifiedMillis, String firstBytesSha256) {

        static Identity of(Path file) throws IOException {
            byte[] first;
            try (InputStream in = Files.newInputStream(file)) {
                first = in.readNBytes(IDENTITY_BYTES);
            }
            return new Identity(
                    Files.size(file),
                    Files.getLastModifiedTime(file).toMillis(),
                    HexFormat.of().formatHex(sha256(first)));
        }

        /** Why {@code now} is not this file any more; null when it is. */
        String differenceFrom(Identity now) {
            if (size != now.size) {
                return "its size changed from " + size + " to " + now.size + " bytes since the checkpoint";
            }
            if (modifiedMillis != now.modifiedMillis) {
                return "it was modified since the checkpoint (" + Instant.ofEpochMilli(modifiedMillis) + ", now "
                        + Instant.ofEpochMilli(now.modifiedMillis) + ")";
            }
            if (!firstBytesSha256.equals(now.firstBytesSha256)) {
                return "its first bytes changed since the checkpoint";
            }
            return null;
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
