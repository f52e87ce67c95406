package org.disassociate.clevertap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The application with two CleverTap accounts, each with a stand-in of its own: {@code default} (clevertap.account-id,
 * at {@link ApplicationTestSupport#standIn}), which takes the numbers of every country no account lists, and
 * {@code sea} (clevertap.accounts=sea, at {@link #seaStandIn}), which lists Singapore.
 */
public abstract class TwoAccountsTestSupport extends ApplicationTestSupport {

    public static final String SEA = "sea";
    public static final String SEA_ID = "TEST-ACCOUNT-SEA";
    public static final String SEA_PASSCODE = "PASS-Sea-4K2W";

    @RegisterExtension
    public static final CleverTapStandIn seaStandIn = new CleverTapStandIn(SEA_ID, SEA_PASSCODE);

    @BeforeEach
    void resetSeaStandIn() {
        seaStandIn.reset();
    }

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        p.setProperty("clevertap.accounts", SEA);
        p.setProperty("clevertap.accounts.sea.region", "sg1");
        p.setProperty("clevertap.accounts.sea.base-url", seaStandIn.baseUrl());
        p.setProperty("clevertap.accounts.sea.account-id", SEA_ID);
        p.setProperty("clevertap.accounts.sea.passcode", SEA_PASSCODE);
        p.setProperty("clevertap.accounts.sea.countries", "SG");
        return p;
    }

    /** A valid Singapore mobile number in E.164: +65 9 followed by seven digits. */
    public static String singaporean(long n) {
        return String.format("+659%07d", n);
    }

    /** The numbers in the spool, of every account, not yet settled (the open segments' too). */
    public List<String> spooled() {
        return filesOf(stateDir().resolve("spool"))
                .filter(Files::isDirectory)
                .flatMap(TwoAccountsTestSupport::filesOf)
                .filter(Files::isRegularFile)
                .flatMap(TwoAccountsTestSupport::lines)
                .toList();
    }

    private static Stream<Path> filesOf(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            // read as it was settled and deleted
            return Stream.empty();
        }
    }
}
