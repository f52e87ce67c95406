package org.disassociate.clevertap.model;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson mapper of the service's Java code, configured once: the beans that read and write CleverTap's JSON,
 * the REST answers and the error channel's records use it. (The routes' {@code marshal: json} steps have Camel's own
 * data format; the run reports' pretty printing stays theirs.)
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
