package org.disassociate.clevertap.durability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.disassociate.clevertap.model.CheckedNumbers;
import org.disassociate.clevertap.model.PhoneNumber;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spool on its own: what an acknowledged append leaves on disk, with many requests at once and after a crash. */
class SpoolTest {

    private final Path dir = TestFiles.newWorkFolder().resolve("spool");

    private static CheckedNumbers checked(String... e164) {
        CheckedNumbers checked = new CheckedNumbers(e164.length);
        for (String value : e164) {
            checked.add(PhoneNumber.accepted(value, value, "rest", null).to("default"));
        }
        return checked;
    }

    private List<String> spooledLines(boolean placedOnly) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("default"))) {
            for (Path file : files.sorted().toList()) {
                if (!placedOnly || !file.getFileName().toString().startsWith(".")) {
                    lines.addAll(Files.readAllLines(file));
                }
            }
        }
        return lines;
    }

    @Test
    void everyAcknowledgedAppendOfManyConcurrentRequestsIsOnDiskOnceAndPlacedAtClose() throws Exception {
        Spool spool = new Spool();
        spool.setDir(dir.toString());
        spool.setSegmentNumbers(500);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            String number = ApplicationTestSupport.indian(i);
            sent.add(clients.submit(() -> {
                spool.append(checked(number), "rest", "rest");
                return null;
            }));
        }
        for (Future<?> request : sent) {
            request.get();
        }
        clients.shutdown();
        List<String> acknowledged = spooledLines(false);
        assertEquals(4000, acknowledged.size(), "every acknowledged number is in a spool file");
        assertEquals(4000, acknowledged.stream().distinct().count());
        assertTrue(spooledLines(true).size() >= 3500, "full segments (500 numbers) are placed for the reader at once");

        spool.close();
        assertEquals(4000, spooledLines(true).size(), "at close every open segment is placed");
        try (Stream<Path> files = Files.list(dir.resolve("default"))) {
            assertTrue(files.allMatch(f -> f.getFileName().toString().startsWith("rest-")), "in the account's folder");
        }
    }

    @Test
    void aSegmentLeftOpenByACrashIsPlacedWithoutItsUnfinishedLine() throws Exception {
        Path account = dir.resolve("sea");
        Files.createDirectories(account);
        Files.writeString(
                account.resolve(Spool.WRITING + "rest-crashed-1.txt"), "+919800000001\n+919800000002\n+91980000");

        Spool spool = new Spool();
        spool.setDir(dir.toString());
        spool.recover();

        assertEquals(
                List.of("+919800000001", "+919800000002"), Files.readAllLines(account.resolve("rest-crashed-1.txt")));
        try (Stream<Path> files = Files.list(account)) {
            assertEquals(1, files.count(), "nothing else is left");
        }
    }

    @Test
    void theSpoolFilesOfAVersionWithOneAccountGoToTheDefaultAccountsFolder() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("rest-0a1b2c3d-7.txt"), "+919800000001\n");
        Files.writeString(dir.resolve(Spool.WRITING + "jms-0a1b2c3d-8.txt"), "+919800000002\n+9198");

        Spool spool = new Spool();
        spool.setDir(dir.toString());
        spool.recover();

        assertEquals(List.of("+919800000001"), Files.readAllLines(dir.resolve("default/rest-0a1b2c3d-7.txt")));
        assertEquals(List.of("+919800000002"), Files.readAllLines(dir.resolve("default/jms-0a1b2c3d-8.txt")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of(dir.resolve("default")), files.toList(), "nothing is left outside the accounts' folders");
        }
    }
}
