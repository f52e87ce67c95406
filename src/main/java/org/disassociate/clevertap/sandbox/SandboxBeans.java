package org.disassociate.clevertap.sandbox;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** The stand-in of CleverTap's API of routes/sandbox.camel.yaml (the sandbox profile). */
public class SandboxBeans implements CamelConfiguration {

    @Override
    public void configure(CamelContext camel) {
        camel.getRegistry().bind("sandboxCleverTap", SandboxCleverTap.class, new SandboxCleverTap());
    }
}
