package org.disassociate.clevertap.intake.kamelet;

import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.disassociate.clevertap.model.Accounts;

/** The beans of the kamelet's route: a host's message, its answer, and the account a use of the kamelet names. */
public class KameletIntakeBeans implements CamelConfiguration {

    @BeanInject
    private Accounts accounts;

    @PropertyInject("{{clevertap.kamelet-base-url:}}")
    private String baseUrl;

    @PropertyInject("clevertap.dry-run")
    private boolean dryRun;

    @PropertyInject("clevertap.max-in-flight")
    private int maxInFlight;

    @PropertyInject("clevertap.account-max-in-flight")
    private int accountMaxInFlight;

    @PropertyInject("clevertap.default-country")
    private String defaultCountry;

    @Override
    public void configure(CamelContext camel) {
        Registry beans = camel.getRegistry();
        beans.bind("sinkMessages", SinkMessages.class, new SinkMessages());
        beans.bind("sinkAnswers", SinkAnswers.class, new SinkAnswers());

        // the account a use of the kamelet names (account, or accountId, passcode and region): a configured one, or
        // one it adds while the application runs, with the service's settings
        SinkAccount account = new SinkAccount();
        account.setAccounts(accounts);
        account.setBaseUrl(baseUrl);
        account.setDryRun(dryRun);
        account.setMaxInFlight(maxInFlight);
        account.setAccountMaxInFlight(accountMaxInFlight);
        account.setDefaultCountry(defaultCountry);
        beans.bind("sinkAccount", SinkAccount.class, account);
    }
}
