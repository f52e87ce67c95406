package org.disassociate.clevertap.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads CleverTap's own request body, {@code {"d":[{"type":"phone","value":"…"}]}}, as the REST and JMS intakes take
 * it. Each record becomes an identity to check, whatever its shape; a body that is not that JSON at all is refused
 * with a reason. Jackson's read constraints (nesting depth, string length) hold against hostile bodies.
 */
public final class DisassociateBody {

    public static final String EXPECTED =
            "the body must be {\"d\":[{\"type\":\"phone\",\"value\":\"+919213231415\"}, …]}";

    private static final ObjectMapper MAPPER = Json.mapper();

    private DisassociateBody() {}

    /** A body that is not CleverTap's JSON; the message says why. */
    public static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message, null, false, false);
        }
    }

    public static List<Identity> read(InputStream body) throws MalformedException {
        JsonNode root;
        try {
            // anything after the JSON value is refused too, as a body cut or glued to another would be
            root = MAPPER.reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(body);
        } catch (JsonProcessingException e) {
            // the parser quotes the token it stumbled on, which may be a number
            throw new MalformedException("malformed JSON: " + Excerpt.withoutNumbers(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new MalformedException("the body could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedException(EXPECTED);
        }
        JsonNode d = root.get("d");
        if (d == null || !d.isArray()) {
            throw new MalformedException("no \"d\" array: " + EXPECTED);
        }
        List<Identity> records = new ArrayList<>(d.size());
        for (JsonNode record : d) {
            records.add(identity(record));
        }
        return records;
    }

    private static Identity identity(JsonNode record) {
        if (!record.isObject()) {
            return new Identity("(not an object)", record.isValueNode() ? record.asText() : record.toString());
        }
        JsonNode type = record.get("type");
        JsonNode value = record.get("value");
        return new Identity(
                type == null || type.isNull() ? null : type.asText(),
                value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString());
    }
}
