package org.disassociate.clevertap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.disassociate.clevertap.testing.RouteFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file of {@code routes/} and the kamelet's template validate against Camel's own YAML DSL schema
 * ({@code schema/camelYamlDsl.json} in the {@code camel-yaml-dsl} jar), which Kaoto and the Camel tooling of editors
 * read: what Camel's loader would coerce (a boolean where the schema wants a string) is refused here.
 */
class RoutesSchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static Schema camelYamlDsl;

    @BeforeAll
    static void readCamelsSchema() throws IOException {
        try (InputStream in = RoutesSchemaTest.class.getClassLoader().getResourceAsStream("schema/camelYamlDsl.json")) {
            assertTrue(in != null, "schema/camelYamlDsl.json is in the camel-yaml-dsl jar");
            camelYamlDsl = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyRouteFileFitsCamelsYamlDslSchema() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> files = RouteFiles.paths();
        assertFalse(files.isEmpty(), "routes/ holds the route files");
        for (Path file : files) {
            problems.addAll(where(file.toString(), camelYamlDsl.validate(YAML.readTree(file.toFile()))));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theKameletsTemplateFitsCamelsYamlDslSchemaAsARoute() throws IOException {
        JsonNode kamelet = YAML.readTree(Path.of("src/main/resources/kamelets/clevertap-disassociate-sink.kamelet.yaml")
                .toFile());
        ObjectNode route = YAML.createObjectNode();
        route.putObject("route")
                .set("from", kamelet.path("spec").path("template").path("from"));
        ArrayNode routes = YAML.createArrayNode().add(route);
        List<String> problems = where("the kamelet's template", camelYamlDsl.validate(routes));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Each place that does not fit, once (the schema's one-of alternatives each add an error of their own). */
    private static List<String> where(String file, List<Error> errors) {
        return errors.stream()
                .map(e -> file + ": " + e.getInstanceLocation())
                .distinct()
                .toList();
    }
}
