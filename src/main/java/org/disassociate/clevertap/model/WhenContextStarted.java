package org.disassociate.clevertap.model;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.StartupListener;

/** A bean that acts once the Camel context has started: it registers itself as a startup listener when it gets the context. */
public abstract class WhenContextStarted implements CamelContextAware, StartupListener {

    private CamelContext camelContext;

    /**
     * Camel may give a bean its context more than once (the registry gives it again when the bean is bound): it
     * listens for the start once, for each context it is given.
     */
    @Override
    public void setCamelContext(CamelContext camelContext) {
        if (camelContext == this.camelContext) {
            return;
        }
        this.camelContext = camelContext;
        try {
            camelContext.addStartupListener(this);
        } catch (Exception e) {
            throw new RuntimeCamelException(
                    getClass().getSimpleName() + " cannot listen for the start: " + e.getMessage(), e);
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }
}
