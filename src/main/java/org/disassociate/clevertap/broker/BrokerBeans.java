package org.disassociate.clevertap.broker;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;

/**
 * The broker of the JMS intake and of a JMS error channel: an existing Artemis broker ({@code jms.broker-url}), or one
 * embedded in this process when that is empty; and the connection factories to it.
 */
public class BrokerBeans implements CamelConfiguration {

    @PropertyInject("{{jms.broker-url:}}")
    private String brokerUrl;

    @PropertyInject("jms.embedded.host")
    private String embeddedHost;

    @PropertyInject("jms.embedded.port")
    private int embeddedPort;

    @PropertyInject("jms.embedded.data-dir")
    private String embeddedDataDir;

    @PropertyInject("{{jms.username:}}")
    private String username;

    @PropertyInject("{{jms.password:}}")
    private String password;

    @PropertyInject("intake.jms.enabled")
    private boolean intakeEnabled;

    @PropertyInject("errors.uri")
    private String errorsUri;

    @PropertyInject("clevertap.account-max-in-flight")
    private int accountMaxInFlight;

    @PropertyInject("{{clevertap.account-broker-url:}}")
    private String accountBrokerUrl;

    @Override
    public void configure(CamelContext camel) throws Exception {
        Registry beans = camel.getRegistry();

        JmsBroker broker = new JmsBroker();
        broker.setUrl(brokerUrl);
        broker.setEmbeddedHost(embeddedHost);
        broker.setEmbeddedPort(embeddedPort);
        broker.setEmbeddedDataDir(embeddedDataDir);
        broker.setIntakeEnabled(intakeEnabled);
        broker.setErrorsUri(errorsUri);
        broker.setAccountSlots(accountMaxInFlight);
        broker.setUsername(username);
        broker.setPassword(password);
        broker.start();
        beans.bind("jmsBroker", JmsBroker.class, broker, null, "stop");

        // the JMS endpoints' connections (camel.component.jms.connection-factory)
        beans.bind(
                "jmsConnectionFactory",
                ConnectionFactory.class,
                JmsBroker.connectionFactory(brokerUrl, embeddedPort, username, password));
        // the account's tokens, apart from the JMS intake's: no prefetch, no reconnection, a call timeout of 5 s
        // (ArtemisClient says why); to clevertap.account-broker-url when one broker of a cluster holds them
        beans.bind(
                "accountSlotsConnectionFactory",
                ConnectionFactory.class,
                JmsBroker.slotsConnectionFactory(accountBrokerUrl, brokerUrl, embeddedPort, username, password));
    }
}
