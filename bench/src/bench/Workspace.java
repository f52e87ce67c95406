package bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What the measures share on disk and on the machine: the jar, scratch folders, number files, ports, programs. */
final class Workspace {

    /** The application measured: the jar bench/run has just built. */
    static final Path JAR = Path.of("target/clevertap-disassociate.jar").toAbsolutePath();

    private Workspace() {}

    /** A fresh folder with copies of routes/ and config/, where an application runs. */
    static Path scratch() throws IOException {
        Path work = Files.createTempDirectory("bench-run");
        for (String folder : List.of("routes", "config")) {
            Files.createDirectories(work.resolve(folder));
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, work.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
        return work;
    }

    /** {@code count} Indian numbers, one a line: +9198 and the 8 digits of {@code first}, {@code first + 1}, … */
    static void writeNumbers(Path file, int count, long first) throws IOException {
        try (var out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < count; i++) {
                out.write(String.format("+9198%08d%n", first + i));
            }
        }
    }

    /** A temporary file of {@link #writeNumbers} numbers. */
    static Path numbersFile(String prefix, int count, long first) throws IOException {
        Path file = Files.createTempFile(prefix, ".txt");
        writeNumbers(file, count, first);
        return file;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A program of the JDK running this benchmark ({@code java}, {@code javac}). */
    static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /** A program on the PATH, or null. */
    static String onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** Files in a folder (the spool: open segments and those waiting to be read); 0 once drained, or when absent. */
    static long filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
