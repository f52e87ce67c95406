package org.disassociate.clevertap;

import java.util.List;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelBeanPostProcessor;
import org.apache.camel.support.PluginHelper;
import org.disassociate.clevertap.api.ApiBeans;
import org.disassociate.clevertap.batching.BatchingBeans;
import org.disassociate.clevertap.broker.BrokerBeans;
import org.disassociate.clevertap.durability.DurabilityBeans;
import org.disassociate.clevertap.errors.ErrorChannelBeans;
import org.disassociate.clevertap.intake.file.FileIntakeBeans;
import org.disassociate.clevertap.intake.jms.JmsIntakeBeans;
import org.disassociate.clevertap.intake.kamelet.KameletIntakeBeans;
import org.disassociate.clevertap.intake.rest.RestIntakeBeans;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.operations.OperationsBeans;
import org.disassociate.clevertap.sandbox.SandboxBeans;
import org.disassociate.clevertap.validation.ValidationBeans;

/**
 * Every bean the routes call, made in Java by each stage's configuration class, in that stage's package: the compiler
 * checks each constructor, setter and start-up call, and an IDE follows a route's {@code ref} to its class. The
 * settings come from {@code config/} through {@code @PropertyInject}; a bean of another stage through
 * {@code @BeanInject}. The registry gives each bean that is {@code CamelContextAware} its context as it binds it; a
 * configuration class gives it first only to a bean whose start-up call, made before the bean is bound, needs it.
 * <p>
 * The application on its own (Camel Main, Camel Quarkus) names this class in {@code camel.main.configuration-classes}:
 * Camel Main then makes the beans before it configures the components from {@code camel.component.*} (the JMS
 * component's connection factory is one of these beans) and before it reads the routes. In a host application (Camel
 * Spring Boot's included) {@link ModuleRoutes} makes them when the context initialises, before any route is created.
 */
public final class ServiceBeans implements CamelConfiguration {

    private static final String ACCOUNTS = "accounts";

    /** Made once: the application on its own asks twice, through Camel Main and through {@link ModuleRoutes}. */
    @Override
    public void configure(CamelContext camel) throws Exception {
        bind(camel);
    }

    /**
     * The stages' configurations, in the order they need each other: the broker before the accounts' shared tokens
     * (ApiBeans), the accounts checked (ApiBeans) before the metrics and health of each (OperationsBeans).
     */
    static List<CamelConfiguration> stages() {
        return List.of(
                new BrokerBeans(),
                new FileIntakeBeans(),
                new RestIntakeBeans(),
                new JmsIntakeBeans(),
                new KameletIntakeBeans(),
                new DurabilityBeans(),
                new ValidationBeans(),
                new BatchingBeans(),
                new ApiBeans(),
                new ErrorChannelBeans(),
                new OperationsBeans(),
                new SandboxBeans());
    }

    /**
     * Binds them: the accounts every stage shares first (filled and checked by ApiBeans), then each stage's beans,
     * its settings and beans injected by the runtime's own bean post-processor, as Camel Main does for a configuration
     * class.
     */
    static void bind(CamelContext camel) throws Exception {
        if (camel.getRegistry().lookupByNameAndType(ACCOUNTS, Accounts.class) != null) {
            return;
        }
        camel.getRegistry().bind(ACCOUNTS, Accounts.class, new Accounts());
        CamelBeanPostProcessor injector = PluginHelper.getBeanPostProcessor(camel);
        for (CamelConfiguration stage : stages()) {
            injector.postProcessBeforeInitialization(stage, stage.getClass().getName());
            injector.postProcessAfterInitialization(stage, stage.getClass().getName());
            stage.configure(camel);
        }
    }
}
