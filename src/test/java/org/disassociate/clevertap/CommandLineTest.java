package org.disassociate.clevertap;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar clevertap-disassociate.jar --help | --version | --what}: what a person typing them expects. */
class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void helpSaysWhatItDoesTheOnceModeAndItsExitCodesTheMainSettingsAndWhereTheDocsAre() {
        assertEquals(0, Application.run(new String[] {"--help"}));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String expected : new String[] {
            "Usage:",
            "--once",
            "0 all processed, 2 some in the error channel",
            "CLEVERTAP_REGION",
            "CLEVERTAP_PASSCODE",
            "README.md"
        }) {
            assertTrue(help.contains(expected), expected + " in:\n" + help);
        }
    }

    @Test
    void versionGivesThisServicesCamelsAndJavasVersions() throws Exception {
        assertEquals(0, Application.run(new String[] {"--version"}));
        String version = out.toString(StandardCharsets.UTF_8);
        Matcher own = Pattern.compile("<artifactId>clevertap-disassociate</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(own.find());
        assertTrue(version.contains("clevertap-disassociate " + own.group(1)), version);
        assertTrue(version.contains("Apache Camel 4."), version);
        assertTrue(version.contains("Java " + Runtime.version()), version);
    }

    @Test
    void anUnknownOptionIsOneLineOnStandardErrorAndExitStatus2() {
        assertEquals(2, Application.run(new String[] {"--onse"}));
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, said.lines().count(), said);
        assertTrue(said.startsWith("Unknown option: --onse"), said);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
