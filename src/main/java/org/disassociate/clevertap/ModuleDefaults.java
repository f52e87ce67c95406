package org.disassociate.clevertap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ContextServicePlugin;
import org.apache.camel.spi.PropertiesSource;

/**
 * The module inside any Camel application this jar is on (Camel finds this plugin with Java's ServiceLoader): its
 * settings where nothing else gives them, and its routes ({@link ModuleRoutes}). A host application sets only what it
 * must ({@code clevertap.*}, {@code state.dir}, {@code errors.dir}) and the module's routes find the rest. Its own
 * properties, environment variables and {@code -D} win over these, which it consults last.
 * <p>
 * The defaults are {@code config/application.properties} (the build puts it in the jar), with the intakes that take a
 * port or a folder of their own turned off ({@code clevertap-disassociate/host.properties}): inside a host they are off
 * unless the host turns them on. The application on its own reads {@code config/} first, so it runs as configured
 * there. Only the module's own keys are served: {@code camel.*} and {@code quarkus.*} stay the host's.
 */
public final class ModuleDefaults implements ContextServicePlugin {

    static final String APPLICATION = "clevertap-disassociate/application.properties";
    static final String HOST = "clevertap-disassociate/host.properties";
    static final String ROUTES_LISTENER = "clevertapDisassociateModuleRoutes";

    @Override
    public void load(CamelContext context) {
        Properties defaults = new Properties();
        defaults.putAll(read(APPLICATION));
        defaults.putAll(read(HOST));
        context.getPropertiesComponent().addPropertiesSource(new Source(defaults));
        // Camel Main takes the listeners it finds in the registry
        context.getRegistry().bind(ROUTES_LISTENER, new ModuleRoutes(context));
    }

    private static Properties read(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ModuleDefaults.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " cannot be read", e);
        }
        return properties;
    }

    /** The defaults, asked after every other source. */
    static final class Source implements PropertiesSource, Ordered {

        private final Properties defaults;

        Source(Properties defaults) {
            this.defaults = defaults;
        }

        @Override
        public String getName() {
            return "clevertap-disassociate defaults";
        }

        @Override
        public String getProperty(String name) {
            if (name.startsWith("camel.") || name.startsWith("quarkus.") || name.startsWith("%")) {
                return null;
            }
            return defaults.getProperty(name);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST;
        }
    }
}
