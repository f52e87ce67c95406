package org.disassociate.clevertap;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Properties;

import org.apache.camel.impl.DefaultCamelContext;

/**
 * What {@code java -jar clevertap-disassociate.jar} takes on its command line: {@code --once}, {@code --help},
 * {@code --version}; anything else is refused with one line and exit status 2. Every setting is a property
 * (config/application.properties, the environment, {@code -D}), not an option.
 */
final class CommandLine {

    static final int USAGE_ERROR = 2;

    /** Work the inbox, wait until it is delivered, exit (see {@code OnceRun}); also {@code once=true} or ONCE=true. */
    static final String ONCE = "--once";

    private static final String USAGE = """
            Usage: java -jar clevertap-disassociate.jar [--once] [--help] [--version]

            Disassociates phone numbers from their CleverTap profiles, so that a number that changed hands does not
            merge its new owner into the old owner's profile. Takes numbers from files (the inbox), REST
            (POST /1/disassociate) and a JMS queue; validates them (E.164), sends them to CleverTap's Disassociate API
            in batches of at most 1000, and writes every number not disassociated to the error channel with the reason.
            Reads routes/ and config/ from the working directory.

            Options:
              --once     work the files in the inbox, wait until every number is settled, and exit:
                         0 all processed, 2 some in the error channel, 1 CleverTap refused or could not be reached,
                         or the configuration is wrong (also: ONCE=true)
              --help     this text
              --version  the versions of this service, Camel and Java

            Settings (config/application.properties; an environment variable or -Dkey=value overrides each):
              CLEVERTAP_REGION          clevertap.region           in1, sg1, us1, aps3, mec1 or eu1 (required)
              CLEVERTAP_ACCOUNT_ID      clevertap.account-id       the account's id (required)
              CLEVERTAP_PASSCODE        clevertap.passcode         the account's passcode (required; keep it in the
                                                                   environment)
              INTAKE_REST_TOKEN         intake.rest.token          the bearer token of REST callers
              CLEVERTAP_DRY_RUN         clevertap.dry-run          true: CleverTap validates, changes nothing
              CLEVERTAP_DEFAULT_COUNTRY clevertap.default-country  the country of numbers without + (IN)
              JMS_BROKER_URL            jms.broker-url             an Artemis broker; empty: an embedded one
              INTAKE_FILE_DIR           intake.file.dir            the inbox (data/inbox)
              STATE_DIR, ERRORS_DIR     state.dir, errors.dir      the spool and checkpoints; the error channel
              CAMEL_MAIN_PROFILE        sandbox                    a stand-in of CleverTap's API on loopback

            Health and metrics: http://127.0.0.1:9876/observe/health/ready, /observe/metrics (MANAGEMENT_PORT).
            Documentation: README.md and docs/ beside the jar's sources; every setting is in README.md.
            """;

    private CommandLine() {}

    static void printUsage(PrintStream out) {
        out.print(USAGE);
    }

    static void printVersion(PrintStream out) {
        out.println("clevertap-disassociate " + ownVersion());
        out.println("Apache Camel " + new DefaultCamelContext(false).getVersion());
        out.println("Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
    }

    private static String ownVersion() {
        Properties properties = new Properties();
        try (InputStream in =
                CommandLine.class.getClassLoader().getResourceAsStream("clevertap-disassociate/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "(unknown: " + e.getMessage() + ")";
        }
        return properties.getProperty("version", "(unknown)");
    }
}
