package org.disassociate.clevertap.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.disassociate.clevertap.api.AccountSettings;
import org.disassociate.clevertap.model.DisassociateRequest;
import org.disassociate.clevertap.model.Identity;
import org.disassociate.clevertap.model.Json;

/**
 * The sandbox's stand-in for CleverTap's Disassociate API, served on loopback in the {@code sandbox} profile so that the
 * whole job runs with no account and no network. It answers as the real API does: 401 without credentials, at most
 * 1000 records, and it refuses numbers ending in 99 as "not an identity" (code 523), so the error channel has
 * something to show.
 */
public class SandboxCleverTap {

    private final ObjectMapper mapper = Json.mapper();

    public String answer(Exchange exchange) throws Exception {
        var in = exchange.getMessage();
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        if (in.getHeader("X-CleverTap-Account-Id") == null || in.getHeader("X-CleverTap-Passcode") == null) {
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 401);
            return "{\"status\":\"fail\",\"error\":\"Invalid Credentials\",\"code\":401}";
        }
        DisassociateRequest request = mapper.readValue(in.getBody(String.class), DisassociateRequest.class);
        if (request.d() == null || request.d().size() > AccountSettings.MAX_BATCH_SIZE) {
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 400);
            return "{\"status\":\"fail\",\"error\":\"Batch size must be between 1 and 1000\",\"code\":400}";
        }
        List<Map<String, Object>> unprocessed = new ArrayList<>();
        for (Identity identity : request.d()) {
            if (identity.value() != null && identity.value().endsWith("99")) {
                unprocessed.add(Map.of(
                        "status",
                        "fail",
                        "code",
                        523,
                        "error",
                        "Phone number is not an identity of any profile",
                        "record",
                        identity));
            }
        }
        int processed = request.d().size() - unprocessed.size();
        String status = unprocessed.isEmpty() ? "success" : processed == 0 ? "fail" : "partial";
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        return mapper.writeValueAsString(Map.of("status", status, "processed", processed, "unprocessed", unprocessed));
    }
}
