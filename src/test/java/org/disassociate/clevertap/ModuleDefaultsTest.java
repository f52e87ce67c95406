package org.disassociate.clevertap;

import java.util.Properties;

import org.apache.camel.component.properties.DefaultPropertiesParser;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The module's defaults inside a host: asked last, and giving way to the runtime's own look-up, which Camel asks after
 * its properties sources (Camel Spring Boot's look-up is Spring's Environment, where a host's application.properties
 * is).
 */
class ModuleDefaultsTest {

    @Test
    void aDefaultGivesWayToWhatTheRuntimesOwnLookUpHas() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext(false)) {
            PropertiesComponent component = (PropertiesComponent) context.getPropertiesComponent();
            // as Camel Spring Boot's parser: a look-up of its own, asked after the properties sources
            component.setPropertiesParser(new DefaultPropertiesParser(component) {
                @Override
                public String customLookup(String name) {
                    return "state.dir".equals(name) ? "/srv/esb/state" : null;
                }
            });
            Properties defaults = new Properties();
            defaults.setProperty("state.dir", "data/state");
            defaults.setProperty("clevertap.batch-size", "1000");
            defaults.setProperty("camel.main.name", "clevertap-disassociate");
            component.addPropertiesSource(new ModuleDefaults.Source(context, defaults));

            assertEquals("/srv/esb/state", context.resolvePropertyPlaceholders("{{state.dir}}"), "the host's setting");
            assertEquals(
                    "1000", context.resolvePropertyPlaceholders("{{clevertap.batch-size}}"), "the module's default");
            assertNull(
                    new ModuleDefaults.Source(context, defaults).getProperty("camel.main.name"),
                    "camel.* stays the host's");
        }
    }
}
