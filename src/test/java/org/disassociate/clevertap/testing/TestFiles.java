package org.disassociate.clevertap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Files the application writes or reads, as the tests make them and look at them: the error channel, the inbox (and
 * CleverTap's body, which its intakes read), work folders.
 */
public final class TestFiles {

    private TestFiles() {}

    /** A fresh folder under target/, kept after the run for a look at what a failing test left. */
    public static Path newWorkFolder() {
        try {
            Path root = Path.of("target", "test-work");
            Files.createDirectories(root);
            return Files.createTempDirectory(root, "run-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record of the error channel's files in {@code dir} so far, oldest file first. */
    public static List<JsonNode> errorRecords(Path dir) {
        List<JsonNode> records = new ArrayList<>();
        for (Path file : regularFiles(dir)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        records.add(CleverTapStandIn.MAPPER.readTree(line));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return records;
    }

    /** The files of a folder (not its dot-files nor sub-folders), by name; none when it does not exist. */
    /** The files of the spool: of every account's folder ({@code spool/<account>/}), those put in place. */
    public static List<Path> spoolFiles(Path spool) {
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> accounts = Files.list(spool)) {
            return accounts.filter(Files::isDirectory)
                    .flatMap(account -> regularFiles(account).stream())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> regularFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a text file (UTF-8) beside the inbox and moves it in, as a well-behaved producer of files does. */
    public static void drop(Path inbox, String name, String content) {
        drop(inbox, name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file beside the inbox and moves it in, as a well-behaved producer of files does. */
    public static void drop(Path inbox, String name, byte[] content) {
        try {
            Files.createDirectories(inbox.resolve(name).getParent());
            Path staged = inbox.resolveSibling(name.replace('/', '-') + ".staged");
            Files.write(staged, content);
            Files.move(staged, inbox.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CleverTap's request body, {@code {"d":[{"type":"phone","value":…}, …]}}, for these values. */
    public static String disassociateBody(List<String> values) {
        StringBuilder body = new StringBuilder("{\"d\":[");
        for (int i = 0; i < values.size(); i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"phone\",\"value\":\"")
                    .append(values.get(i))
                    .append("\"}");
        }
        return body.append("]}").toString();
    }
}
