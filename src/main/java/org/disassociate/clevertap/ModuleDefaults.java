package org.disassociate.clevertap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.Ordered;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.spi.ContextServicePlugin;
import org.apache.camel.spi.PropertiesSource;

/**
 * The module inside any Camel application this jar is on (Camel finds this plugin with Java's ServiceLoader): its
 * settings where nothing else gives them, and its beans and routes ({@link ModuleRoutes}). A host application sets only what it
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

    @Override
    public void load(CamelContext context) {
        // the service's own Camel Quarkus build (-Dcamel-quarkus) packs no module resources: it reads config/ and
        // routes/ (ModuleRoutes then finds its beans made and its routes read, and does nothing)
        Source source = null;
        if (ModuleDefaults.class.getClassLoader().getResource(APPLICATION) != null) {
            Properties defaults = new Properties();
            defaults.putAll(read(APPLICATION));
            defaults.putAll(read(HOST));
            source = new Source(context, defaults);
            context.getPropertiesComponent().addPropertiesSource(source);
        }
        // the beans and routes when the context initialises, on every runtime (a MainListener is Camel Main's alone)
        context.addLifecycleStrategy(new ModuleRoutes(source));
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

    /**
     * The defaults, asked after every other source, and after the runtime's own look-up: Camel asks its properties
     * sources before the properties parser's {@code customLookup}, which is where Camel Spring Boot reads Spring's
     * Environment (the host's application.properties), so a default gives way to what the runtime has there.
     */
    static final class Source implements PropertiesSource, Ordered {

        private final CamelContext context;
        private final Properties defaults;

        Source(CamelContext context, Properties defaults) {
            this.context = context;
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
            String value = defaults.getProperty(name);
            if (value != null
                    && context.getPropertiesComponent() instanceof PropertiesComponent component
                    && component.getPropertiesParser() != null
                    && component.getPropertiesParser().customLookup(name) != null) {
                return null;
            }
            return value;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST;
        }
    }
}
