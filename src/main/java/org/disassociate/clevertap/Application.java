package org.disassociate.clevertap;

import org.apache.camel.main.Main;
import org.apache.camel.util.ObjectHelper;
import org.disassociate.clevertap.model.ConfigurationException;
import org.disassociate.clevertap.operations.OnceRun;
import org.disassociate.clevertap.operations.TracingSdk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar clevertap-disassociate.jar}: Camel Main with the routes of {@code routes/} and the settings of
 * {@code config/}, both read from the working directory, so that they change without a build. With {@code --once} it
 * works the inbox and exits with a status that says how it went ({@link OnceRun}); {@code --help} and {@code --version}
 * say what it is ({@link CommandLine}).
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {}

    public static void main(String[] args) throws Exception {
        int exitCode = run(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    static int run(String[] args) {
        boolean onceOption = false;
        for (String arg : args) {
            switch (arg) {
                case CommandLine.ONCE -> onceOption = true;
                case "--help", "-h" -> {
                    CommandLine.printUsage(System.out);
                    return 0;
                }
                case "--version" -> {
                    CommandLine.printVersion(System.out);
                    return 0;
                }
                default -> {
                    System.err.println("Unknown option: " + arg + " (java -jar clevertap-disassociate.jar --help)");
                    return CommandLine.USAGE_ERROR;
                }
            }
        }
        Main main = new Main();
        OnceRun once = new OnceRun(onceOption, exitCode -> main.completed());
        main.setPropertyPlaceholderLocations(propertyLocations(profile()));
        if (onceOption) {
            // as once=true: the beans that behave otherwise in once mode read it
            main.addOverrideProperty("once", "true");
        }
        main.addMainListener(once);
        main.addMainListener(new TracingSdk());
        try {
            int exitCode = main.run(new String[0]);
            return once.isActive() && exitCode == 0 ? once.getExitCode() : exitCode;
        } catch (Exception e) {
            ConfigurationException configuration = ObjectHelper.getException(ConfigurationException.class, e);
            if (configuration != null) {
                LOG.error("Not started: {}", configuration.getMessage());
            } else {
                LOG.error("Not started: {}", e.getMessage(), e);
            }
            return 1;
        }
    }

    /** {@code camel.main.profile} (or CAMEL_MAIN_PROFILE), as Camel Main itself reads it. */
    static String profile() {
        String profile = System.getProperty("camel.main.profile");
        return profile != null ? profile : System.getenv("CAMEL_MAIN_PROFILE");
    }

    /**
     * {@code config/application-<profile>.properties} before {@code config/application.properties}: the first location
     * that has a property wins, and environment variables and {@code -D} win over both.
     */
    static String propertyLocations(String profile) {
        String base = "file:config/application.properties";
        return profile == null || profile.isBlank()
                ? base
                : "file:config/application-" + profile.trim() + ".properties," + base;
    }
}
