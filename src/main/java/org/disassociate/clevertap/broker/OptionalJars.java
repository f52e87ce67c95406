package org.disassociate.clevertap.broker;

/**
 * Whether an optional dependency of this module is on the class path, asked by the name of one of its classes without
 * loading it, and from a class that names none of its types (asking {@link EmbeddedBroker} or {@link ArtemisClient}
 * would load the very classes that may be missing).
 */
final class OptionalJars {

    /** artemis-server: the embedded broker. */
    static final String ARTEMIS_SERVER = "org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ";
    /** artemis-jakarta-client: Artemis' JMS client. */
    static final String ARTEMIS_CLIENT = "org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory";

    private OptionalJars() {
    }

    static boolean present(String aClass) {
        try {
            Class.forName(aClass, false, OptionalJars.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
