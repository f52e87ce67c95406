package org.disassociate.clevertap.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.CheckedNumbers;
import org.disassociate.clevertap.model.PhoneNumber;
import org.disassociate.clevertap.model.TraceContext;
import org.disassociate.clevertap.model.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool of the message intakes (REST, JMS, the kamelet): where their valid numbers are made durable before they
 * acknowledge.
 * <p>
 * Numbers are appended to an open segment per account, intake and source ({@code <account>/.writing-<intake>-…},
 * {@link SpoolSource}),
 * and a request returns only once an fsync has covered its lines. Requests that arrive together share one fsync
 * (group commit): the first to reach it forces everything written so far, the others find their lines already
 * durable. {@link #rotate()} (a timer route,
 * {@code spool.rotate-ms}) and a full segment ({@code spool.segment-numbers}) rename the segment to
 * {@code <intake>-….txt}, where the spool route reads it like an inbox file. A segment left {@code .writing-} by a crash
 * holds only numbers whose request was acknowledged (and maybe an unfinished last line of one that was not): it is put
 * in place at start-up ({@link #recover()}).
 */
public class Spool implements LongSupplier {

    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    public static final String WRITING = ".writing-";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Object writeLock = new Object();
    /**
     * Guards {@code syncing} and {@code synced}. It is not held during an fsync: an append whose lines an fsync has
     * covered is woken at its end ({@code syncDone}) and returns, instead of queueing for a monitor behind the next
     * fsync (as with a {@code synchronized} fsync, where every covered caller in turn had to take the monitor).
     */
    private final ReentrantLock syncLock = new ReentrantLock();

    private final Condition syncDone = syncLock.newCondition();
    /** An fsync, or the closing of segments, is under way (by one thread at a time). */
    private boolean syncing;

    private final Map<String, Segment> open = new HashMap<>();
    private Path dir = Path.of("data", "state", "spool");
    private long rotateMillis = 200;
    private int segmentNumbers = 20_000;
    private long sequence;
    private volatile Failure failure;
    /** Tickets: every append takes the next; {@code synced} is the highest one an fsync has covered. */
    private long written;

    private long synced;
    /** Numbers appended and not yet taken by the spool's reader: of the open segments and those put in place. */
    private final AtomicLong waiting = new AtomicLong();

    private final Map<String, Integer> placed = new ConcurrentHashMap<>();

    public void setDir(String dir) {
        this.dir = Path.of(dir);
    }

    public void setRotateMillis(long rotateMillis) {
        this.rotateMillis = rotateMillis;
    }

    public void setSegmentNumbers(int segmentNumbers) {
        this.segmentNumbers = segmentNumbers;
    }

    /**
     * Puts in place the segments a crash left open: their complete lines were acknowledged. Spool files of a version
     * that had one spool for its one account ({@code spool/} itself) go to the default account's folder.
     */
    public void recover() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> oldLayout;
        try (Stream<Path> files = Files.list(dir)) {
            oldLayout = files.filter(Files::isRegularFile).toList();
        }
        for (Path file : oldLayout) {
            Path moved = dir.resolve(Account.DEFAULT).resolve(file.getFileName());
            Files.createDirectories(moved.getParent());
            Files.move(file, moved, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Spool: {} moved to the default account's spool ({})", file.getFileName(), dir.relativize(moved));
        }
        List<Path> leftovers;
        try (Stream<Path> files = Files.walk(dir, 2)) {
            leftovers = files.filter(f -> f.getFileName().toString().startsWith(WRITING) && Files.isRegularFile(f))
                    .toList();
        }
        for (Path leftover : leftovers) {
            Path target =
                    leftover.resolveSibling(leftover.getFileName().toString().substring(WRITING.length()));
            FileChannel channel = FileChannel.open(leftover, StandardOpenOption.WRITE, StandardOpenOption.READ);
            try {
                long complete = completeLinesLength(channel);
                if (complete < channel.size()) {
                    channel.truncate(complete);
                }
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            AtomicFile.publish(channel, leftover, target);
            LOG.info(
                    "Spool: {} left open by a crash, put in place as {}", leftover.getFileName(), target.getFileName());
        }
    }

    /**
     * The valid numbers of a checked chunk, durable on return (written and fsynced), each in its account's folder.
     * Nothing is written when none is valid.
     */
    public void append(
            @Body CheckedNumbers checked,
            @Variable(Variables.INTAKE) String intake,
            @Variable(Variables.SOURCE) String source)
            throws IOException {
        if (checked.getValid().isEmpty()) {
            return;
        }
        try {
            List<Written> writes = new ArrayList<>(1);
            // the trace of the request or message, when traced: the batches its numbers go in link to it
            String traceparent = TraceContext.currentTraceparent();
            for (List<PhoneNumber> valid : checked.getValidByAccount()) {
                StringBuilder lines = lines(valid, traceparent);
                writes.add(write(
                        valid.get(0).getAccount(),
                        SpoolSource.label(intake, source),
                        StandardCharsets.US_ASCII.encode(lines.toString()),
                        valid.size(),
                        true));
            }
            for (Written write : writes) {
                awaitDurable(write);
            }
        } catch (IOException | UncheckedIOException e) {
            Failure failure = new Failure(
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), Instant.now());
            if (this.failure == null) {
                LOG.error(
                        "Spool: {} cannot be written ({}): requests are refused with 503 until a write succeeds",
                        dir,
                        failure.reason());
            }
            this.failure = failure;
            throw new SpoolUnavailableException(dir + " cannot be written now (" + failure.reason() + ")", e);
        }
        if (failure != null) {
            recovered();
        }
    }

    /**
     * Numbers of one account set aside while its API fails (batching's AccountQueues), durable on return, in the
     * account's folder, where its own reader takes them when it can. They are not the message intakes' backlog: the
     * JMS intake is not held back by them.
     */
    public void setAside(@Body List<PhoneNumber> numbers, @Variable(Variables.SOURCE) String source)
            throws IOException {
        StringBuilder lines = lines(numbers, TraceContext.currentTraceparent());
        // an inbox file's numbers (the only ones set aside: a spool file's are of its own account) keep its name
        String label = SpoolSource.label("file", source);
        awaitDurable(write(
                numbers.get(0).getAccount(),
                label,
                StandardCharsets.US_ASCII.encode(lines.toString()),
                numbers.size(),
                false));
    }

    /**
     * A spool file's lines for {@code numbers}: their E.164 values, after a comment naming the trace they came in
     * ({@code traceparent}, when traced), which the batches they go in link to.
     */
    private static StringBuilder lines(List<PhoneNumber> numbers, String traceparent) {
        StringBuilder lines = new StringBuilder(numbers.size() * 15 + 70);
        if (traceparent != null) {
            lines.append(TraceContext.SPOOL_LINE_PREFIX).append(traceparent).append('\n');
        }
        for (PhoneNumber number : numbers) {
            lines.append(number.getE164()).append('\n');
        }
        return lines;
    }

    /** Why the spool last failed to take numbers, and when; null once a write has succeeded since. */
    public record Failure(String reason, Instant since) {}

    public Failure failure() {
        return failure;
    }

    /** The spool's folder takes a write and an fsync again (readiness checks it while the spool is failing). */
    public boolean writableAgain() {
        try {
            WritableFolders.check("spool", dir);
        } catch (RuntimeException e) {
            return false;
        }
        recovered();
        return true;
    }

    private void recovered() {
        if (failure != null) {
            LOG.info("Spool: {} takes numbers again", dir);
            failure = null;
        }
    }

    /** Where an append's lines went: its segment, and its ticket. */
    record Written(Segment segment, long ticket) {}

    /**
     * Appends {@code bytes} to the open segment of {@code account} and {@code label} ({@link SpoolSource}), in the
     * account's folder; not yet durable.
     */
    Written write(String account, String label, ByteBuffer bytes, int numbers, boolean backlog) throws IOException {
        synchronized (writeLock) {
            String key = account + "/" + label + (backlog ? "" : "/aside");
            Segment segment = open.get(key);
            if (segment == null) {
                sequence++;
                segment = Segment.create(dir.resolve(account), label + "-" + run + "-" + sequence + ".txt", backlog);
                open.put(key, segment);
            }
            long before = segment.channel.position();
            try {
                while (bytes.hasRemaining()) {
                    segment.channel.write(bytes);
                }
            } catch (IOException e) {
                // no part of these lines stays: a torn line would run into the next append's first number
                truncateQuietly(segment, before);
                throw e;
            }
            segment.numbers += numbers;
            if (backlog) {
                waiting.addAndGet(numbers);
            }
            return new Written(segment, ++written);
        }
    }

    /**
     * Returns once the lines of {@code append} are durable, or throws: its segment could not be put in place before
     * an fsync had covered them (then the caller must not acknowledge them).
     */
    void awaitDurable(Written append) throws IOException {
        sync(append.ticket());
        syncLock.lock();
        try {
            if (append.segment().failed(append.ticket())) {
                throw new IOException("Spool: " + append.segment().writing.getFileName()
                        + " could not be forced or put in place: its latest numbers are not durable");
            }
        } finally {
            syncLock.unlock();
        }
    }

    /**
     * Returns once an fsync has covered {@code ticket}; one fsync serves every append that came before it. The
     * first caller that finds no fsync under way runs one for everything written so far; the others wait for its end,
     * and those it covered return.
     */
    private void sync(long ticket) throws IOException {
        syncLock.lock();
        try {
            while (synced < ticket) {
                if (syncing) {
                    syncDone.awaitUninterruptibly();
                    continue;
                }
                syncing = true;
                long target;
                List<Segment> segments;
                List<Segment> full;
                synchronized (writeLock) {
                    target = written;
                    segments = List.copyOf(open.values());
                    full = segments.stream()
                            .filter(s -> s.numbers >= segmentNumbers)
                            .toList();
                    full.forEach(s -> open.values().remove(s));
                }
                boolean forced = false;
                syncLock.unlock();
                try {
                    for (Segment segment : segments) {
                        segment.channel.force(false);
                    }
                    forced = true;
                    for (Segment segment : full) {
                        place(segment);
                    }
                } finally {
                    syncLock.lock();
                    if (forced) {
                        synced = Math.max(synced, target);
                    } else {
                        for (Segment segment : segments) {
                            segment.failedBetween(synced, target);
                        }
                        // the tickets up to target are answered now (refused, as their segment says)
                        synced = Math.max(synced, target);
                    }
                    syncing = false;
                    syncDone.signalAll();
                }
            }
        } finally {
            syncLock.unlock();
        }
    }

    /**
     * The {@code source} of a spool file's numbers: the intake that wrote it ({@code rest}, {@code jms}), or the source
     * its messages named ({@link SpoolSource}).
     */
    public String sourceOf(@Header(Exchange.FILE_NAME) String fileName) {
        return SpoolSource.of(fileName);
    }

    /** The spool's reader has taken the file {@code fileName}: its numbers are no longer waiting. */
    public void taken(@Header(Exchange.FILE_NAME) String fileName) {
        Integer numbers = fileName == null ? null : placed.remove(fileName);
        if (numbers != null) {
            waiting.addAndGet(-numbers);
        }
    }

    /** Numbers appended and not yet taken by the spool's reader (the JMS intake's backlog). */
    @Override
    public long getAsLong() {
        return waiting.get();
    }

    /**
     * The files in the spool folder of {@code account} (put in place, and not yet settled: waiting for its reader, or
     * being read), and when the oldest of them was last written (null when there is none). Read from the folder.
     */
    public record Backlog(int files, Instant oldest) {}

    public Backlog backlog(String account) {
        int files = 0;
        Instant oldest = null;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir.resolve(account))) {
            for (Path entry : entries) {
                // .writing-… segments are still open; .failed holds files the reader gave up on
                if (entry.getFileName().toString().startsWith(".")) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                } catch (NoSuchFileException settled) {
                    continue;
                }
                if (attributes.isRegularFile()) {
                    files++;
                    Instant written = attributes.lastModifiedTime().toInstant();
                    oldest = oldest == null || written.isBefore(oldest) ? written : oldest;
                }
            }
        } catch (NoSuchFileException none) {
            return new Backlog(0, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Backlog(files, oldest);
    }

    /** Hands the open segments that are old enough to the spool route. */
    public void rotate() throws IOException {
        closeSegments(false);
    }

    /** At stop: every open segment is put in place. */
    public void close() throws IOException {
        closeSegments(true);
    }

    private void closeSegments(boolean all) throws IOException {
        // as an fsync of sync() does (syncing): no fsync runs on a segment while it is closed. An append whose segment
        // is closed here is durable by that close; its own sync() then has nothing of its own left to force.
        syncLock.lock();
        try {
            while (syncing) {
                syncDone.awaitUninterruptibly();
            }
            syncing = true;
        } finally {
            syncLock.unlock();
        }
        try {
            List<Segment> due;
            synchronized (writeLock) {
                long now = System.nanoTime();
                due = open.values().stream()
                        .filter(s -> all || (now - s.openedNanos) / 1_000_000 >= rotateMillis)
                        .toList();
                due.forEach(s -> open.values().remove(s));
            }
            closeAll(due);
        } finally {
            syncLock.lock();
            try {
                syncing = false;
                syncDone.signalAll();
            } finally {
                syncLock.unlock();
            }
        }
    }

    /**
     * Closes each of {@code due}, taken out of {@code open}; the first failure is thrown once all were tried. A segment
     * that fails records the tickets it held beyond the last fsync ({@code synced} does not move meanwhile: this runs
     * as the one {@code syncing}): their appends are not durable, and {@link #awaitDurable} says so to them, since the
     * next fsync no longer sees the segment.
     */
    private void closeAll(List<Segment> due) throws IOException {
        UncheckedIOException first = null;
        for (Segment segment : due) {
            try {
                place(segment);
            } catch (UncheckedIOException e) {
                syncLock.lock();
                try {
                    segment.failedBetween(synced, Long.MAX_VALUE);
                } finally {
                    syncLock.unlock();
                }
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Puts {@code segment} in place; its numbers wait for the reader until it takes the file ({@link #taken}). */
    private void place(Segment segment) throws IOException {
        String name = segment.target.getFileName().toString();
        if (!segment.backlog) {
            segment.close();
            return;
        }
        placed.put(name, segment.numbers);
        try {
            segment.close();
        } catch (RuntimeException e) {
            if (placed.remove(name) != null) {
                waiting.addAndGet(-segment.numbers);
            }
            throw e;
        }
    }

    private static void truncateQuietly(Segment segment, long size) {
        try {
            segment.channel.truncate(size);
            segment.channel.position(size);
        } catch (IOException e) {
            LOG.error(
                    "Spool: {} could not be cut back after a failed write (a torn last line is dropped when it is read "
                            + "after a restart): {}",
                    segment.writing.getFileName(),
                    e.getMessage());
        }
    }

    private static long completeLinesLength(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long position = size - 1; position >= 0; position--) {
            one.clear();
            channel.read(one, position);
            if (one.get(0) == '\n') {
                return position + 1;
            }
        }
        return 0;
    }

    /** One open spool file. */
    static final class Segment {
        final Path writing;
        final Path target;
        final FileChannel channel;
        final long openedNanos = System.nanoTime();
        /** Its numbers count in the message intakes' backlog (not those set aside). */
        final boolean backlog;

        int numbers;
        /**
         * The tickets, above {@code failedFrom} up to {@code failedTo}, whose lines an fsync or the placing of this
         * segment failed to make durable (under syncLock). A later fsync that succeeds does not make them durable:
         * after a failed fsync, Linux may have dropped the dirty pages and report the next fsync clean.
         */
        long failedFrom = Long.MAX_VALUE;

        long failedTo = Long.MIN_VALUE;

        void failedBetween(long from, long to) {
            failedFrom = Math.min(failedFrom, from);
            failedTo = Math.max(failedTo, to);
        }

        boolean failed(long ticket) {
            return ticket > failedFrom && ticket <= failedTo;
        }

        private Segment(Path writing, Path target, FileChannel channel, boolean backlog) {
            this.writing = writing;
            this.target = target;
            this.channel = channel;
            this.backlog = backlog;
        }

        static Segment create(Path dir, String name, boolean backlog) throws IOException {
            Files.createDirectories(dir);
            Path writing = dir.resolve(WRITING + name);
            FileChannel channel = FileChannel.open(writing, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new Segment(writing, dir.resolve(name), channel, backlog);
        }

        /** Forces, closes and renames it into place, where the spool route takes it. */
        void close() throws IOException {
            try {
                AtomicFile.publish(channel, writing, target);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Spool: cannot put " + writing + " in place (it is recovered at the next start)", e);
            }
        }
    }
}
