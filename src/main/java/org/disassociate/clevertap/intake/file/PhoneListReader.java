package org.disassociate.clevertap.intake.file;

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
import org.apache.camel.Variable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.disassociate.clevertap.model.ChunkSize;
import org.disassociate.clevertap.model.FilePosition;
import org.disassociate.clevertap.model.Settlement;
import org.disassociate.clevertap.model.TraceContext;
import org.disassociate.clevertap.model.Variables;

/**
 * Reads an intake file (an inbox file, or a spool file) lazily, in chunks ({@link ChunkSize}), so that a
 * file of any length needs only a chunk in memory.
 * <ul>
 * <li>{@code .txt}: one number a line; blank lines and lines starting with {@code #} are skipped.</li>
 * <li>{@code .csv}: a header row naming a {@code phone} column (any case); quoted fields as in RFC 4180.</li>
 * </ul>
 * Bytes that are not UTF-8 become U+FFFD, so such a line fails validation with a clear reason instead of failing the
 * whole file. A file resumed after a crash ({@link Settlement#getResumedAt()}) is read from its checkpoint: the values
 * before it are skipped, not checked again. Each chunk says where it ends ({@link ReadChunk#getEnd()}).
 */
public class PhoneListReader {

    static final String PHONE_COLUMN = "phone";
    static final int BINARY_CHECK_BYTES = 8192;

    private int chunkSize = ChunkSize.forBatchSize(1000);

    /** Chunks are sized for the batches they fill ({@link ChunkSize}). */
    public void setBatchSize(int batchSize) {
        this.chunkSize = ChunkSize.forBatchSize(batchSize);
    }

    /** The file's values in chunks, read lazily, from where its settlement resumes (the start for a first read). */
    public Iterator<ReadChunk> readInChunks(
            @Body InputStream in,
            @Header(Exchange.FILE_NAME) String fileName,
            @Variable(Variables.SETTLEMENT) Settlement settlement)
            throws IOException {
        FilePosition from = settlement == null ? FilePosition.START : settlement.getResumedAt();
        return new ChunkIterator(read(in, fileName), chunkSize, from.values(), settlement);
    }

    static Values read(InputStream in, String fileName) throws IOException {
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
        return new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    private static Values lines(BufferedReader reader) {
        return new Values(reader) {
            private boolean first = true;

            @Override
            protected String nextValue() throws IOException {
                String line;
                while ((line = reader.readLine()) != null) {
                    lineRead();
                    if (first) {
                        line = withoutBom(line);
                        first = false;
                    }
                    String value = line.strip();
                    if (value.startsWith(TraceContext.SPOOL_LINE_PREFIX)) {
                        traceRead(value.substring(TraceContext.SPOOL_LINE_PREFIX.length()));
                    } else if (!value.isEmpty() && !value.startsWith("#")) {
                        return value;
                    }
                }
                return null;
            }
        };
    }

    private static Values csv(Reader reader, String fileName) throws IOException {
        CSVParser parser = CSVFormat.DEFAULT
                .builder()
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
            throw new UnreadableFileException(
                    fileName + ": the header row has no '" + PHONE_COLUMN + "' column (columns: " + header + ")");
        }
        Iterator<CSVRecord> records = parser.iterator();
        int phone = column;
        return new Values(parser) {
            @Override
            protected String nextValue() {
                try {
                    if (!records.hasNext()) {
                        return null;
                    }
                    CSVRecord record = records.next();
                    linesRead(parser.getCurrentLineNumber());
                    return phone < record.size() ? record.get(phone) : "";
                } catch (UncheckedIOException e) {
                    throw new UnreadableFileException(
                            fileName + ": not readable as CSV after line " + parser.getCurrentLineNumber() + ": "
                                    + e.getCause().getMessage());
                }
            }
        };
    }

    private static String withoutBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    /**
     * Groups of up to {@code size} values, after the first {@code skip} (settled before a crash); closing it closes the
     * values' source. When the source fails part-way through a chunk (a CSV that breaks halfway), the values read before
     * the failure are still handed over as a chunk of their own, and the failure comes with the next one: a broken file
     * never costs the numbers before the break.
     */
    private static final class ChunkIterator implements Iterator<ReadChunk>, Closeable {
        private final Values values;
        private final int size;
        private final Settlement settlement;
        private long skip;
        private long read;
        private RuntimeException failure;

        ChunkIterator(Values values, int size, long skip, Settlement settlement) {
            this.values = values;
            this.size = size;
            this.skip = skip;
            this.settlement = settlement;
        }

        @Override
        public boolean hasNext() {
            for (; skip > 0 && values.hasNext(); skip--, read++) {
                values.next();
            }
            return failure != null || values.hasNext();
        }

        @Override
        public ReadChunk next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (failure != null) {
                RuntimeException thrown = failure;
                failure = null;
                throw thrown;
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
            read += chunk.size();
            FilePosition end = new FilePosition(read, values.line());
            return new ReadChunk(
                    chunk,
                    settlement == null ? null : settlement.chunkRead(chunk.size(), end, values.takeTraceparents()));
        }

        @Override
        public void close() throws IOException {
            values.close();
        }
    }

    /**
     * An iterator over values that closes its source at the end (Camel's Split closes it too when it stops early), and
     * knows the line of the last value it returned.
     */
    abstract static class Values implements Iterator<String>, Closeable {
        private final Closeable source;
        private String next;
        private boolean done;
        private long linesRead;
        private long lineOfNext;
        private long line;
        private static final int MAX_TRACES = 128;
        private final List<String> traceparents = new ArrayList<>(0);

        Values(Closeable source) {
            this.source = source;
        }

        /** The next value, or null at the end; it tells how many lines it has read. */
        protected abstract String nextValue() throws IOException;

        protected void lineRead() {
            linesRead++;
        }

        /**
         * A spool file's comment that names the trace of the lines after it (a traced request or message): kept for
         * the chunk those lines end in, up to {@value #MAX_TRACES} a chunk, OpenTelemetry's default limit of a
         * span's links.
         */
        protected void traceRead(String traceparent) {
            if (traceparents.size() < MAX_TRACES) {
                traceparents.add(traceparent);
            }
        }

        /** The traces read since the last chunk was made. */
        List<String> takeTraceparents() {
            if (traceparents.isEmpty()) {
                return List.of();
            }
            List<String> taken = List.copyOf(traceparents);
            traceparents.clear();
            return taken;
        }

        protected void linesRead(long lines) {
            linesRead = lines;
        }

        /** The line the last value returned ends on. */
        long line() {
            return line;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = nextValue();
                    lineOfNext = linesRead;
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
            line = lineOfNext;
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
