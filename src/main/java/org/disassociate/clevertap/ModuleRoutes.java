package org.disassociate.clevertap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.VetoCamelContextStartException;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.spi.PropertiesSource;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.PluginHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module's beans ({@link ServiceBeans}) and routes, when the context initialises. The routes are {@code routes/}
 * as the build put it in the jar ({@code clevertap-disassociate/routes/}), read in the order of their names as the
 * application reads {@code routes/}; Camel's own scan of {@code classpath:camel/*} would read the files in no fixed
 * order. The application on its own (Camel Main, Camel Quarkus) has made the beans already, from
 * {@code camel.main.configuration-classes}, and read the same files from {@code routes/}: then nothing.
 * <p>
 * A {@link org.apache.camel.spi.LifecycleStrategy}, called when the context initialises: on every runtime (Camel Main,
 * Camel Spring Boot, Camel Quarkus) that is after the host has loaded its own routes and set its properties component,
 * and before any route, the kamelet's included, is created. Once only, however often the runtime calls it.
 */
final class ModuleRoutes extends LifecycleStrategySupport {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleRoutes.class);
    static final String LOCATION = "classpath:clevertap-disassociate/routes/";
    /** A route every set-up of the module has; present when the routes were loaded from elsewhere. */
    private static final String ONE_OF_THEM = "batch-numbers";

    static final String ENABLED = "clevertap.module.enabled";

    /** The module's defaults; none in the service's own Camel Quarkus build, which packs no module resources. */
    private final PropertiesSource defaults;

    private final AtomicBoolean loaded = new AtomicBoolean();

    ModuleRoutes(PropertiesSource defaults) {
        this.defaults = defaults;
    }

    @Override
    public void onContextInitializing(CamelContext context) throws VetoCamelContextStartException {
        if (!loaded.compareAndSet(false, true)) {
            return;
        }
        // Camel Spring Boot replaces the properties component after the plugin ran: the defaults go on the one in use
        if (defaults != null && context.getPropertiesComponent().getPropertiesSource(defaults.getName()) == null) {
            context.getPropertiesComponent().addPropertiesSource(defaults);
        }
        // a context of the host's that is not to carry the module (a second context, a unit test's bare context)
        if (!Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{" + ENABLED + ":true}}"))) {
            LOG.info("CleverTap Disassociate: not loaded into {} ({}=false)", context.getName(), ENABLED);
            return;
        }
        try {
            ServiceBeans.bind(context);
            boolean routesLoaded =
                    context instanceof ModelCamelContext model && model.getRouteDefinition(ONE_OF_THEM) != null;
            if (defaults != null && !routesLoaded) {
                loadRoutes(context);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the module cannot be set up: " + e.getMessage(), e);
        }
    }

    private static void loadRoutes(CamelContext context) throws Exception {
        List<Resource> files = new ArrayList<>(
                PluginHelper.getPackageScanResourceResolver(context).findResources(LOCATION + "*.camel.yaml"));
        files.sort(Comparator.comparing(Resource::getLocation));
        if (files.isEmpty()) {
            throw new IllegalStateException(LOCATION + " holds no route files: the jar is incomplete");
        }
        LOG.info("CleverTap Disassociate: the module's {} route files, from {}", files.size(), LOCATION);
        PluginHelper.getRoutesLoader(context).loadRoutes(files);
    }
}
