package org.disassociate.clevertap.api;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RouteTemplateParameterSource;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.Accounts;

/**
 * The routes each account has of its own, made from the templates {@code send-batch} (routes/7-send.camel.yaml: its
 * queue of batches and its senders) and {@code intake-spool} (routes/4-spool.camel.yaml: the reader of its spool):
 * {@code send-batch-<name>} and {@code intake-spool-<name>}. Camel makes those of the configured accounts when the
 * context starts (this is a {@link RouteTemplateParameterSource}); those of an account a kamelet names are added
 * when it is named.
 */
public class AccountRoutes implements RouteTemplateParameterSource, CamelContextAware {

    /** Below batch-numbers' (900): each account's senders stop after the batches open at a stop are formed. */
    private static final int FIRST_ORDER = 100;

    private static final int LAST_ORDER = 899;

    private CamelContext camelContext;
    private Accounts accounts;
    private final AtomicInteger order = new AtomicInteger(FIRST_ORDER);
    private final Map<String, Map<String, Object>> routes = new LinkedHashMap<>();

    /** The routes of every account known now; each account added later gets its routes at once. */
    public synchronized void start() {
        accounts.all().forEach(this::describe);
        accounts.onAdded(this::added);
    }

    private synchronized Map<String, Map<String, Object>> describe(Account account) {
        int place = order.getAndIncrement();
        if (place > LAST_ORDER) {
            throw new IllegalStateException("more than " + (LAST_ORDER - FIRST_ORDER + 1) + " CleverTap accounts");
        }
        Map<String, Map<String, Object>> made = new LinkedHashMap<>();
        made.put(
                "send-batch-" + account.name(),
                Map.of(
                        TEMPLATE_ID,
                        "send-batch",
                        "account",
                        account.name(),
                        "consumers",
                        account.maxInFlight(),
                        "order",
                        place));
        made.put("intake-spool-" + account.name(), Map.of(TEMPLATE_ID, "intake-spool", "account", account.name()));
        routes.putAll(made);
        return made;
    }

    private void added(Account account) {
        Map<String, Map<String, Object>> made = describe(account);
        made.forEach((routeId, parameters) -> {
            Map<String, Object> values = new LinkedHashMap<>(parameters);
            String template = (String) values.remove(TEMPLATE_ID);
            TemplatedRouteBuilder builder =
                    TemplatedRouteBuilder.builder(camelContext, template).routeId(routeId);
            values.forEach(builder::parameter);
            builder.add();
        });
    }

    @Override
    public synchronized Set<String> routeIds() {
        return new LinkedHashSet<>(routes.keySet());
    }

    @Override
    public synchronized Map<String, Object> parameters(String routeId) {
        return routes.get(routeId);
    }

    /**
     * Each account's {@code send-batch} gets its {@code order} as its startupOrder: a route template's startupOrder is a
     * number in the DSL, and takes no parameter.
     */
    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
        camelContext
                .getCamelContextExtension()
                .getContextPlugin(Model.class)
                .addRouteTemplateDefinitionConverter("send-batch", (template, parameters) -> {
                    RouteDefinition route = template.asRouteDefinition();
                    route.setStartupOrder(
                            Integer.valueOf(parameters.get("order").toString()));
                    return route;
                });
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    public void setAccounts(Accounts accounts) {
        this.accounts = accounts;
    }
}
