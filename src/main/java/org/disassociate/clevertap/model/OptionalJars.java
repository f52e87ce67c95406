package org.disassociate.clevertap.model;

/**
 * Whether an optional dependency of this module is on the class path, asked by the name of one of its classes without
 * loading it. Inside a host application the module brings none of the jars that only its own intakes and servers need
 * (the Artemis broker and client, Vert.x); the beans every set-up creates ask here before they reach the class that
 * names them, since Camel reflects over a bean's class when it creates it.
 */
public final class OptionalJars {

    /** artemis-server: the embedded broker. */
    public static final String ARTEMIS_SERVER = "org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ";
    /** artemis-jakarta-client: Artemis' JMS client. */
    public static final String ARTEMIS_CLIENT = "org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory";
    /** camel-platform-http-vertx, with Vert.x: the HTTP server of the REST intake and of management. */
    public static final String PLATFORM_HTTP_VERTX =
            "org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter";

    private OptionalJars() {}

    public static boolean present(String aClass) {
        try {
            Class.forName(aClass, false, OptionalJars.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
