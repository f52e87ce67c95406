package org.disassociate.clevertap.intake.file;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.disassociate.clevertap.model.FilePosition;
import org.disassociate.clevertap.model.Settlement;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An intake file as chunks of values: .txt a number a line, .csv by its phone column, resumed from a checkpoint. */
class PhoneListReaderTest {

    private final PhoneListReader reader = new PhoneListReader();
    private final Settlement settlement = new Settlement("file:crm.txt");

    @Test
    void aTextFileIsANumberALineWithBlankAndCommentLinesAndTheBomSkipped() throws IOException {
        List<List<String>> chunks = read(
                "crm.txt", "\uFEFF+919860012345\n\n# exported 1 June\r\n  09860012346  \r\n   \n+91 98600 12347\n");

        assertEquals(List.of(List.of("+919860012345", "09860012346", "+91 98600 12347")), chunks);
        assertEquals(new FilePosition(3, 6), settlement.getReadTo(), "3 values, the last on line 6");
    }

    @Test
    void aCsvFileIsReadByItsPhoneColumnInAnyCaseWithQuotedFields() throws IOException {
        List<List<String>> chunks = read("crm.CSV", """
                name,Phone,city
                "Doe, Jane","+91 98600 12345",Pune

                "Bob ""the"" Builder", 09860012346 ,"Goa
                (North)"
                Ann
                """);

        assertEquals(
                List.of(List.of("+91 98600 12345", "09860012346", "")),
                chunks,
                "a row without the column is an empty value, refused by validation");
    }

    @Test
    void aCsvFileWithABomBeforeItsHeaderStillFindsThePhoneColumn() throws IOException {
        assertEquals(List.of(List.of("+919860012345")), read("crm.csv", "\uFEFFPHONE\n+919860012345\n"));
    }

    @Test
    void aCsvFileWithoutAPhoneColumnIsRefused() {
        UnreadableFileException e =
                assertThrows(UnreadableFileException.class, () -> read("crm.csv", "name,mobile\nJane,+919860012345\n"));

        assertTrue(e.getMessage().startsWith("crm.csv: the header row has no 'phone' column"), e.getMessage());
        assertTrue(e.getMessage().contains("mobile"), "the columns it has: " + e.getMessage());
    }

    @Test
    void aBinaryFileIsRefused() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};

        UnreadableFileException e = assertThrows(
                UnreadableFileException.class,
                () -> reader.readInChunks(new ByteArrayInputStream(zip), "numbers.txt", settlement));

        assertTrue(e.getMessage().startsWith("numbers.txt: a binary file, not text"), e.getMessage());
        assertThrows(UnreadableFileException.class, () -> read("numbers.txt", "+91986001\u00002345\n"));
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharactersWithoutFailingTheFile() throws IOException {
        ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
        latin1.writeBytes("+9198600\u00e912345\n".getBytes(StandardCharsets.ISO_8859_1));
        latin1.writeBytes("+919860012346\n".getBytes(StandardCharsets.UTF_8));

        List<List<String>> chunks =
                chunks(reader.readInChunks(new ByteArrayInputStream(latin1.toByteArray()), "crm.txt", settlement));

        assertEquals(List.of(List.of("+9198600\uFFFD12345", "+919860012346")), chunks);
    }

    @Test
    void valuesComeInChunksOfAFifthOfTheBatchSize() throws IOException {
        assertEquals(List.of(200, 200, 50), sizes(read("big.txt", lines(450))));

        reader.setBatchSize(10);
        assertEquals(List.of(2, 2, 1), sizes(read("small.txt", lines(5))));
    }

    @Test
    void eachChunkHasItsPlaceInTheFilesSettlement() throws IOException {
        reader.setBatchSize(10);
        Iterator<ReadChunk> chunks = reader.readInChunks(input(lines(3)), "crm.txt", settlement);

        ReadChunk first = chunks.next();
        assertSame(settlement, first.getChunk().getSettlement());
        assertEquals(new FilePosition(2, 2), settlement.getReadTo());
        chunks.next();
        assertEquals(new FilePosition(3, 3), settlement.getReadTo());
        assertFalse(chunks.hasNext());
    }

    @Test
    void aResumedFileIsReadFromItsCheckpointSkippingTheValuesBefore() throws IOException {
        reader.setBatchSize(10);
        settlement.resumeAt(new FilePosition(3, 4), new FilePosition(5, 6));

        List<List<String>> chunks = read("crm.txt", """
                +919860010001
                # a comment
                +919860010002
                +919860010003
                +919860010004
                +919860010005
                +919860010006
                """);

        assertEquals(List.of(List.of("+919860010004", "+919860010005"), List.of("+919860010006")), chunks);
        assertEquals(new FilePosition(6, 7), settlement.getReadTo(), "positions count the skipped values too");
    }

    @Test
    void aCsvBrokenHalfwayHandsOverTheValuesBeforeTheBreakThenFails() throws IOException {
        Iterator<ReadChunk> chunks = reader.readInChunks(input("""
                phone
                +919860012345
                +919860012346
                "+9198600"12347
                +919860012348
                """), "crm.csv", settlement);

        assertTrue(chunks.hasNext());
        assertEquals(
                List.of("+919860012345", "+919860012346"),
                new ArrayList<>(chunks.next()),
                "the numbers before the break");
        assertTrue(chunks.hasNext(), "the failure is still to come");
        UnreadableFileException e = assertThrows(UnreadableFileException.class, chunks::next);
        assertTrue(e.getMessage().startsWith("crm.csv: not readable as CSV after line"), e.getMessage());
    }

    @Test
    void aFileReadWithoutASettlementHasChunksOfNoSettlement() throws IOException {
        Iterator<ReadChunk> chunks = reader.readInChunks(input("+919860012345\n"), "crm.txt", null);

        ReadChunk chunk = chunks.next();
        assertEquals(List.of("+919860012345"), new ArrayList<>(chunk));
        assertNull(chunk.getChunk());
    }

    private List<List<String>> read(String fileName, String content) throws IOException {
        return chunks(reader.readInChunks(input(content), fileName, settlement));
    }

    private static List<List<String>> chunks(Iterator<ReadChunk> chunks) {
        List<List<String>> read = new ArrayList<>();
        chunks.forEachRemaining(chunk -> read.add(new ArrayList<>(chunk)));
        return read;
    }

    private static List<Integer> sizes(List<List<String>> chunks) {
        return chunks.stream().map(List::size).toList();
    }

    private static String lines(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> String.format("+9198600%05d", i))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static ByteArrayInputStream input(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }
}
