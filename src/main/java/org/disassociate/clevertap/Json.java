package org.disassociate.clevertap;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson mapper of the service, configured once: the beans that read and write CleverTap's JSON and the error
 * channel's use it, and it is bound in Camel's registry ({@code routes/beans.camel.yaml}) where the routes' JSON
 * marshalling finds it.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
