package org.disassociate.clevertap.intake;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.disassociate.clevertap.batching.BatchFilling;

/**
 * Reads an intake file (an inbox file, or a spool file) lazily, in chunks ({@link BatchFilling#chunkSize}), so that a
 * file of any length needs only a chunk in memory.
 * <ul>
 * <li>{@code .txt}: one number a line; blank lines and lines starting with {@code #} are skipped.</li>
 * <li>{@code .csv}: a header row naming a {@code phone} column (any case); quoted fields as in RFC 4180.</li>
 * </ul>
 * Bytes that are not UTF-8 become U+FFFD, so such a line fails validation with a clear reason instead of failing the
 * whole file.
 */
public class PhoneListReader {

    static final String PHONE_COLUMN = "phone";
    static final int BINARY_CHECK_BYTES = 8192;

    private int chunkSize = BatchFilling.chunkSize(1000);

    /** Chunks are sized for the batches they fill ({@link BatchFilling#chunkSize}). */
    public void setBatchSize(int batchSize) {
        this.chunkSize = BatchFilling.chunkSize(batchSize);
    }

    /** The file's values in chunks, read lazily. */
    public Iterator<List<String>> readInChunks(@Body InputStream in, @Header(Exchange.FILE_NAME) String fileName)
            throws IOException {
        return new ChunkIterator(read(in, fileName), chunkSize);
    }

    static Iterator<String> read(InputStream in, String fileName) throws IOException {
        InputStream text = refuseBinary(new BufferedInputStream(in, BINARY_CHECK_BYTES), fileName);
        Reader reader = utf8(text);
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") ? csv(reader, fileName) : lines(new BufferedReader(reader, 64 * 1024));
    }

    /**
     * A file with a NUL byte in its first {@value #BINARY_CHECK_BYTES} bytes is not a text list of numbers (an
     * archive, a spreadsheet, an image, UTF-16): it is refused whole rather than read as thousands of garbage lines.
     */
    private static InputStream refuseBinary(BufferedInputStream in, String fileName) throws IOException {
        in.mark(BINARY_CHECK_BYTES);
        byte[] start = in.readNBytes(BINARY_CHECK_BYTES);
        in.reset();
        for (byte b : start) {
            if (b == 0) {
                in.close();
                throw new UnreadableFileException(fileName + ": a binary file, not text (a NUL byte in its first "
                        + BINARY_CHECK_BYTES + " bytes); expected UTF-8 text, a number a line, or CSV with a '"
                        + PHONE_COLUMN + "' column");
            }
        }
        return in;
    }

    private static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    private static Iterator<String> lines(BufferedReader reader) {
        return new Lines(reader) {
            private boolean first = true;

            @Override
            protected String nextValue() throws IOException {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (first) {
                        line = withoutBom(line);
                        first = false;
                    }
                    String value = line.strip();
                    if (!value.isEmpty() && !value.startsWith("#")) {
                        return value;
                    }
                }
                return null;
            }
        };
    }

    private static Iterator<String> csv(Reader reader, String fileName) throws IOException {
        CSVParser parser = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true)
                .setAllowDuplicateHeaderNames(true)
                .get()
                .parse(reader);
        List<String> header = parser.getHeaderNames();
        int column = -1;
        for (int i = 0; i < header.size(); i++) {
            if (PHONE_COLUMN.equalsIgnoreCase(withoutBom(header.get(i)).strip())) {
                column = i;
                break;
            }
        }
        if (column < 0) {
            parser.close();
            throw new UnreadableFileException(fileName + ": the header row has no '" + PHONE_COLUMN
                    + "' column (columns: " + header + ")");
        }
        Iterator<CSVRecord> records = parser.iterator();
        int phone = column;
        return new Lines(parser) {
            @Override
            protected String nextValue() {
                try {
                    if (!records.hasNext()) {
                        return null;
                    }
                    CSVRecord record = records.next();
                    return phone < record.size() ? record.get(phone) : "";
                } catch (UncheckedIOException e) {
                    throw new UnreadableFileException(fileName + ": not readable as CSV after line "
                            + parser.getCurrentLineNumber() + ": " + e.getCause().getMessage());
                }
            }
        };
    }

    private static String withoutBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    /**
     * Groups of up to {@code size} values; closing it closes the values' source. When the source fails part-way
     * through a chunk (a CSV that breaks halfway), the values read before the failure are still handed over as a chunk
     * of their own, and the failure comes with the next one: a broken file never costs the numbers before the break.
     */
    private static final class ChunkIterator implements Iterator<List<String>>, Closeable {
        private final Iterator<String> values;
        private final int size;
        private RuntimeException failure;

        ChunkIterator(Iterator<String> values, int size) {
            this.values = values;
            this.size = size;
        }

        @Override
        public boolean hasNext() {
            return failure != null || values.hasNext();
        }

        @Override
        public List<String> next() {
            if (failure != null) {
                RuntimeException thrown = failure;
                failure = null;
                throw thrown;
            }
            if (!values.hasNext()) {
                throw new NoSuchElementException();
            }
            List<String> chunk = new ArrayList<>(size);
            try {
                while (chunk.size() < size && values.hasNext()) {
                    chunk.add(values.next());
                }
            } catch (RuntimeException e) {
                if (chunk.isEmpty()) {
                    throw e;
                }
                failure = e;
            }
            return chunk;
        }

        @Override
        public void close() throws IOException {
            if (values instanceof Closeable closeable) {
                closeable.close();
            }
        }
    }

    /** An iterator over values that closes its source at the end; Camel's Split closes it too when it stops early. */
    private abstract static class Lines implements Iterator<String>, Closeable {
        private final Closeable source;
        private String next;
        private boolean done;

        Lines(Closeable source) {
            this.source = source;
        }

        protected abstract String nextValue() throws IOException;

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = nextValue();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (next == null) {
                    done = true;
                    closeQuietly();
                }
            }
            return next != null;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String value = next;
            next = null;
            return value;
        }

        @Override
        public void close() throws IOException {
            done = true;
            source.close();
        }

        private void closeQuietly() {
            try {
                source.close();
            } catch (IOException ignored) {
                // the file is fully read
            }
        }
    }
}
