package org.disassociate.clevertap.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.disassociate.clevertap.model.Batch;
import org.disassociate.clevertap.model.DisassociateResponse;
import org.disassociate.clevertap.model.ErrorRecord;
import org.disassociate.clevertap.model.Excerpt;
import org.disassociate.clevertap.model.Identity;
import org.disassociate.clevertap.model.Json;
import org.disassociate.clevertap.model.PhoneNumber;
import org.disassociate.clevertap.model.Unprocessed;
import org.disassociate.clevertap.model.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records CleverTap's answer lists as {@code unprocessed}, as error-channel records with CleverTap's code and text,
 * whatever its {@code status} claims ({@code success} with unprocessed entries has been seen), and whether
 * {@code record} comes as an object or as a JSON string.
 */
public class UnprocessedRecords {

    private static final Logger LOG = LoggerFactory.getLogger(UnprocessedRecords.class);

    public List<ErrorRecord> of(@Variable(Variables.BATCH) Batch batch, @Body DisassociateResponse response) {
        List<Unprocessed> entries = response.unprocessedOrEmpty();
        if (entries.isEmpty()) {
            return List.of();
        }
        String at = Instant.now().toString();
        Map<String, List<PhoneNumber>> byValue = batch.byValue();
        List<ErrorRecord> records = new ArrayList<>(entries.size());
        for (Unprocessed entry : entries) {
            String value = valueOf(entry.record());
            String error = entry.error() == null ? "unprocessed by CleverTap" : entry.error();
            List<PhoneNumber> numbers = value == null ? null : byValue.get(value);
            if (numbers == null) {
                LOG.warn(
                        "{}: CleverTap listed an unprocessed record that was not in the batch: {}",
                        batch,
                        Excerpt.of(String.valueOf(entry.record())));
                records.add(new ErrorRecord(
                        Identity.phone(value), entry.code(), error, "unknown", batch.getAccount(), batch.getId(), at));
                continue;
            }
            for (PhoneNumber number : numbers) {
                records.add(new ErrorRecord(
                        Identity.phone(value),
                        entry.code(),
                        error,
                        number.getSource(),
                        batch.getAccount(),
                        batch.getId(),
                        at));
            }
        }
        if ("success".equalsIgnoreCase(response.status())) {
            LOG.warn(
                    "{}: CleverTap answered status success but listed {} unprocessed records; they go to the error channel",
                    batch,
                    entries.size());
        }
        return records;
    }

    /** {@code record} comes as an object, as a JSON string holding the object, or as the bare value. */
    static String valueOf(JsonNode record) {
        if (record == null || record.isNull()) {
            return null;
        }
        if (record.isTextual()) {
            String text = record.asText().strip();
            if (text.startsWith("{")) {
                try {
                    return valueOf(Json.mapper().readTree(text));
                } catch (Exception e) {
                    return text;
                }
            }
            return text;
        }
        JsonNode value = record.get("value");
        return value == null || value.isNull() ? null : value.asText();
    }
}
