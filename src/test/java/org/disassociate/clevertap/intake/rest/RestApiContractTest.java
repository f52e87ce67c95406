package org.disassociate.clevertap.intake.rest;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.RestCalls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/openapi.yaml describes the REST intake as it answers: each real answer below has its status documented for its
 * method, and its body fits the JSON schema documented for that status (JSON Schema 2020-12, which the document's
 * schemas are written in).
 */
class RestApiContractTest extends ApplicationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode openApi;

    @BeforeAll
    static void readTheDescription() throws Exception {
        openApi = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("docs", "openapi.yaml").toFile());
    }

    @Test
    void takenNumbersAreAnswered202AsDocumented() throws Exception {
        fits("post", rest().bearer(TOKEN).json().postNumbers(List.of(indian(1), indian(2))), 202);
        fits("post", rest().bearer(TOKEN).json().postNumbers(List.of(indian(3), "not-a-number")), 202);
    }

    @Test
    void answersWithCleverTapsVerdictAreAnswered200AsDocumented() throws Exception {
        fits("post", rest().bearer(TOKEN).json().waitingFor(20).postNumbers(List.of(indian(10), "12")), 200);
        fits("post", rest().bearer(TOKEN).json().dryRun().postNumbers(List.of(indian(11), "12")), 200);
        fits("post", rest().bearer(TOKEN).json().postNumbers(List.of("12", "not-a-number")), 200);
    }

    @Test
    void requestsRefusedAsAWholeAreAnsweredAsDocumented() throws Exception {
        fits("post", rest().bearer(TOKEN).json().post("{\"d\":[{\"type\":\"phone\""), 400);
        fits("post", rest().bearer(TOKEN).json().post("{\"d\":[]}"), 400);
        fits(
                "post",
                rest().bearer(TOKEN)
                        .header("X-CleverTap-Account-Id", "NO-SUCH-ACCOUNT")
                        .json()
                        .postNumbers(List.of(indian(23))),
                400);
        fits(
                "post",
                rest().cleverTap(CleverTapStandIn.ACCOUNT_ID, "not-the-passcode")
                        .json()
                        .postNumbers(List.of(indian(24))),
                401);
        fits("post", rest().bearer("not-the-token").json().postNumbers(List.of(indian(20))), 401);
        fits("post", rest().json().postNumbers(List.of(indian(21))), 401);
        fits("post", rest().bearer(TOKEN).contentType("text/plain").postNumbers(List.of(indian(22))), 415);
        fits("get", rest().bearer(TOKEN).get(), 405);
    }

    @Test
    void theSchemasRefuseWhatTheIntakeNeverAnswers() throws Exception {
        assertFalse(
                errors(
                                schemaOf("post", 202),
                                "{\"status\":\"success\",\"accepted\":1,\"unprocessed\":[],\"rejected\":[],"
                                        + "\"extra\":true}")
                        .isEmpty(),
                "a field the intake never sends");
        assertFalse(
                errors(schemaOf("post", 400), "{\"message\":\"no error field\"}")
                        .isEmpty(),
                "an error without error");
    }

    /** The answer's status is documented for the method, and its body fits the schema documented for it. */
    private void fits(String method, HttpResponse<String> response, int expectedStatus) throws Exception {
        assertEquals(expectedStatus, response.statusCode(), response.body());
        List<Error> errors = errors(schemaOf(method, response.statusCode()), response.body());
        assertTrue(
                errors.isEmpty(),
                method.toUpperCase(Locale.ROOT) + " answered " + response.statusCode() + " " + response.body()
                        + ", which does not fit docs/openapi.yaml: " + errors);
    }

    private static List<Error> errors(Schema schema, String body) throws Exception {
        return schema.validate(JSON.readTree(body));
    }

    /**
     * The schema of a response, as JSON Schema: its {@code $ref} into {@code components/schemas}, beside the
     * document's components, so that every reference inside it resolves.
     */
    private static Schema schemaOf(String method, int status) {
        JsonNode response = resolve(openApi.path("paths")
                .path(RestCalls.PATH)
                .path(method)
                .path("responses")
                .path(String.valueOf(status)));
        assertFalse(response.isMissingNode(), "docs/openapi.yaml documents no " + status + " for " + method);
        JsonNode schema = response.path("content").path("application/json").path("schema");
        assertFalse(schema.isMissingNode(), "docs/openapi.yaml gives no JSON schema for " + method + " " + status);
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.setAll((ObjectNode) schema);
        root.set("components", openApi.path("components"));
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(root.toString());
    }

    /** A {@code $ref} of the document followed, or the node itself. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        JsonNode target = openApi.at(ref.asText().substring(1));
        assertNotNull(target, ref.asText());
        return target;
    }
}
