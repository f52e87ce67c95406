package org.disassociate.clevertap.errors;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/** The beans of the error channel: a number's record with its reason, and the channel's readiness. */
public class ErrorChannelBeans implements CamelConfiguration {

    @Override
    public void configure(CamelContext camel) {
        Registry beans = camel.getRegistry();
        beans.bind("errorRecords", ErrorRecords.class, new ErrorRecords());

        // readiness: down while the error channel cannot be written
        ErrorChannelHealth health = new ErrorChannelHealth();
        beans.bind("errorChannelHealth", ErrorChannelHealth.class, health);
    }
}
