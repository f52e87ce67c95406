package org.disassociate.clevertap.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * CleverTap's answer: {@code {"status":"success|partial|fail","processed":N,"unprocessed":[…]}}. The status is not
 * trusted on its own: a "success" may still list unprocessed records.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DisassociateResponse(String status, Integer processed, List<Unprocessed> unprocessed) {

    public List<Unprocessed> unprocessedOrEmpty() {
        return unprocessed == null ? List.of() : unprocessed;
    }
}
