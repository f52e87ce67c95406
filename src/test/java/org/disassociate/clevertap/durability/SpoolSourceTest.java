package org.disassociate.clevertap.durability;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A spool file's name keeps where its numbers came from, whatever characters that source has. */
class SpoolSourceTest {

    static String fileOf(String intake, String source) {
        return SpoolSource.label(intake, source) + "-3f2a9c1e-7.txt";
    }

    @Test
    void anIntakeThatIsItsOwnSourceNamesItsFilesAsBefore() {
        assertEquals("rest-3f2a9c1e-7.txt", fileOf("rest", "rest"));
        assertEquals("jms", SpoolSource.of(fileOf("jms", "jms")));
        assertEquals("kamelet", SpoolSource.of(fileOf("kamelet", null)));
    }

    @Test
    void aSourceOfItsOwnComesBackFromTheFileNameWhateverItsCharacters() {
        for (String source :
                new String[] {"esb:crm.txt", "sftp://orders/in-2026-12-01.csv", "a/b\\c d", "Zürich ✓ 𝄞"}) {
            String name = fileOf("kamelet", source);
            assertTrue(name.matches("[a-z]+\\.[0-9a-f]+-3f2a9c1e-7\\.txt"), name);
            assertEquals(source, SpoolSource.of(name));
        }
    }

    @Test
    void aLongSourceKeepsItsFirstBytesWithoutCuttingACharacter() {
        String source = "é".repeat(200);
        String name = Spool.WRITING + fileOf("kamelet", source);
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, name.length() + " bytes");
        assertEquals("é".repeat(SpoolSource.MOST_BYTES / 2), SpoolSource.of(fileOf("kamelet", source)));
        assertEquals("x" + "é".repeat(47), SpoolSource.of(fileOf("kamelet", "x" + "é".repeat(100))));
    }

    @Test
    void aNameThatIsNotTheSpoolsStillGivesASource() {
        assertEquals("spool", SpoolSource.of("odd.txt"));
        assertEquals("kamelet", SpoolSource.of("kamelet.zz-1-1.txt"));
    }
}
