package org.disassociate.clevertap.intake.jms;

import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.disassociate.clevertap.model.Accounts;

/** The beans of the JMS intake's route: a message's numbers and account, and the records of a refused message. */
public class JmsIntakeBeans implements CamelConfiguration {

    @BeanInject
    private Accounts accounts;

    @Override
    public void configure(CamelContext camel) {
        Registry beans = camel.getRegistry();

        // a message's numbers, and the account its header CleverTapAccount names
        JmsMessageReader reader = new JmsMessageReader();
        reader.setAccounts(accounts);
        beans.bind("jmsMessageReader", JmsMessageReader.class, reader);
        beans.bind("refusedMessageRecords", RefusedMessageRecords.class, new RefusedMessageRecords());
    }
}
