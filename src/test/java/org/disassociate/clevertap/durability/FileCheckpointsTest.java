package org.disassociate.clevertap.durability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.disassociate.clevertap.batching.Settlements;
import org.disassociate.clevertap.intake.file.PhoneListReader;
import org.disassociate.clevertap.intake.file.ReadChunk;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.FilePosition;
import org.disassociate.clevertap.model.Settlement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Where a file is read from: its checkpoint when it names the same file, the start otherwise. */
class FileCheckpointsTest {

    @TempDir
    Path dir;

    final FileCheckpoints checkpoints = new FileCheckpoints();

    Path inboxFile(String content) throws Exception {
        return inboxFile("crm.txt", content);
    }

    Path inboxFile(String name, String content) throws Exception {
        Path file = dir.resolve("inbox").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-24T00:00:00Z")));
        return file;
    }

    static String lines(int from, int count) {
        StringBuilder lines = new StringBuilder("# a CRM export\n");
        for (int i = from; i < from + count; i++) {
            lines.append("+9198").append(10_000_000 + i).append('\n');
        }
        return lines.toString();
    }

    /** A run that reads the file, settles its first 400 values and stops with the rest on their way. */
    void runSettlingTheFirst400(Path file) throws Exception {
        String name = file.getFileName().toString();
        checkpoints.setDir(dir.resolve("checkpoints").toString());
        Settlement settlement = new Settlements().open("file:" + name);
        checkpoints.resume(file.toString(), settlement);
        PhoneListReader reader = new PhoneListReader();
        Iterator<ReadChunk> chunks = reader.readInChunks(Files.newInputStream(file), name, settlement);
        List<ReadChunk> read = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ReadChunk chunk = chunks.next();
            chunk.getChunk().checked(chunk.size(), 0);
            chunk.getChunk().handled();
            read.add(chunk);
        }
        read.get(0).getChunk().settled(Account.DEFAULT, 200, 0, false, Instant.now());
        read.get(1).getChunk().settled(Account.DEFAULT, 200, 0, false, Instant.now());
        Path saved = checkpoints.checkpointOf(file.toAbsolutePath());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(saved) && Files.readString(saved).contains("\"settledValues\":400"));
    }

    Settlement resumed(Path file) throws Exception {
        FileCheckpoints next = new FileCheckpoints();
        next.setDir(dir.resolve("checkpoints").toString());
        Settlement settlement = new Settlements().open("file:" + file.getFileName());
        next.resume(file.toString(), settlement);
        return settlement;
    }

    @Test
    void theSameFileIsReadOnAfterItsLastSettledChunk() throws Exception {
        Path file = inboxFile(lines(0, 1000));
        runSettlingTheFirst400(file);

        Settlement settlement = resumed(file);
        assertEquals(new FilePosition(400, 401), settlement.getResumedAt(), "400 values, after the comment line");
        Iterator<ReadChunk> chunks =
                new PhoneListReader().readInChunks(Files.newInputStream(file), "crm.txt", settlement);
        assertEquals("+919810000400", chunks.next().get(0), "the first value not settled");
    }

    @Test
    void aFileChangedUnderItsNameIsReadFromTheStart() throws Exception {
        Path file = inboxFile(lines(0, 1000));
        runSettlingTheFirst400(file);
        inboxFile(lines(5000, 1000));

        assertEquals(FilePosition.START, resumed(file).getResumedAt());
        assertFalse(Files.exists(checkpoints.checkpointOf(file.toAbsolutePath())), "the stale checkpoint is gone");
    }

    @Test
    void aCheckpointThatCannotBeReadMeansTheStart() throws Exception {
        Path file = inboxFile(lines(0, 1000));
        runSettlingTheFirst400(file);
        Files.writeString(checkpoints.checkpointOf(file.toAbsolutePath()), "{\"file\":\"crm.txt\",\"ident");

        assertEquals(FilePosition.START, resumed(file).getResumedAt());
    }

    @Test
    void itIsRemovedWhenTheFileIsDone() throws Exception {
        Path file = inboxFile(lines(0, 1000));
        runSettlingTheFirst400(file);
        checkpoints.remove(file.toString());

        assertFalse(Files.exists(checkpoints.checkpointOf(file.toAbsolutePath())));
        assertEquals(FilePosition.START, resumed(file).getResumedAt());
    }

    @Test
    void aCsvIsReadOnAfterItsHeaderAndSettledRows() throws Exception {
        StringBuilder csv = new StringBuilder("name,phone\n");
        for (int i = 0; i < 500; i++) {
            csv.append("n").append(i).append(",+9198").append(10_000_000 + i).append('\n');
        }
        Path file = inboxFile("crm.csv", csv.toString());
        runSettlingTheFirst400(file);

        Settlement settlement = resumed(file);
        assertEquals(new FilePosition(400, 401), settlement.getResumedAt(), "400 rows, after the header");
        Iterator<ReadChunk> chunks =
                new PhoneListReader().readInChunks(Files.newInputStream(file), "crm.csv", settlement);
        ReadChunk rest = chunks.next();
        assertEquals("+919810000400", rest.get(0), "the first row not settled");
        assertEquals(100, rest.size());
        assertFalse(chunks.hasNext());
    }
}
