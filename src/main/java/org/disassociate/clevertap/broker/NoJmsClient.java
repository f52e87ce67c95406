package org.disassociate.clevertap.broker;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;

/**
 * The connection factory of a host application without Artemis' JMS client: nothing there uses JMS (no JMS intake, no
 * {@code jms:} error channel, no shared account limit), and whatever tries is told what is missing.
 */
final class NoJmsClient implements ConnectionFactory {

    static final String MISSING = "JMS needs org.apache.activemq:artemis-jakarta-client on the class path, an optional "
            + "dependency of clevertap-disassociate: add it to use the JMS intake, a jms: error channel or "
            + "clevertap.account-max-in-flight";

    @Override
    public Connection createConnection() throws JMSException {
        throw new JMSException(MISSING);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        throw new JMSException(MISSING);
    }

    @Override
    public JMSContext createContext() {
        throw new JMSRuntimeException(MISSING);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        throw new JMSRuntimeException(MISSING);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        throw new JMSRuntimeException(MISSING);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        throw new JMSRuntimeException(MISSING);
    }
}
