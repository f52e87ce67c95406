package org.disassociate.clevertap.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of {@code unprocessed}. {@code record} has been seen both as an object and as a JSON string holding the
 * object, so it is kept as a tree; the API stage's {@code UnprocessedRecords} reads the number out of either.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Unprocessed(String status, Integer code, String error, JsonNode record) {}
