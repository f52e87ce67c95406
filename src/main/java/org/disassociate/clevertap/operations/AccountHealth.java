package org.disassociate.clevertap.operations;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.disassociate.clevertap.api.AccountPipelines;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.Batch;
import org.disassociate.clevertap.model.Variables;
import org.disassociate.clevertap.model.WhenContextStarted;

/**
 * Readiness per account: {@code clevertap-api-<name>} (down while CleverTap refuses the account's credentials) and
 * {@code account-slots-<name>} (its share of the fleet's limit), registered for every account, a kamelet's too.
 */
public class AccountHealth extends WhenContextStarted {

    private Accounts accounts;
    private AccountPipelines pipelines;
    private final Map<String, CleverTapApiHealth> api = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();

    /** Every answer of the API goes through here, before it is read: its account's check hears of it. */
    public void answered(@Variable(Variables.BATCH) Batch batch, @Header("CamelHttpResponseCode") Integer status) {
        CleverTapApiHealth check = api.get(batch.getAccount());
        if (check != null) {
            check.answered(status);
        }
    }

    /** Registers the checks of the accounts known now, and of each one added later. */
    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // once for the life of the bean, however often Camel tells (a context started again tells again)
        if (!started.compareAndSet(false, true)) {
            return;
        }
        accounts.all().forEach(this::register);
        accounts.onAdded(this::register);
    }

    private void register(Account account) {
        HealthCheckRegistry registry = HealthCheckHelper.getHealthCheckRegistry(getCamelContext());
        if (registry == null) {
            return;
        }
        CleverTapApiHealth check = api.computeIfAbsent(account.name(), name -> new CleverTapApiHealth(account));
        add(registry, check);
        add(
                registry,
                new AccountSlotsHealth(
                        account.name(), pipelines.of(account.name()).shared()));
    }

    private void add(HealthCheckRegistry registry, HealthCheck check) {
        if (check instanceof CamelContextAware aware) {
            aware.setCamelContext(getCamelContext());
        }
        registry.register(check);
    }

    public void setAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    public void setPipelines(AccountPipelines pipelines) {
        this.pipelines = pipelines;
    }
}
