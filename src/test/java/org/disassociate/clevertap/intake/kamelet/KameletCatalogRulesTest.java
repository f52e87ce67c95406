package org.disassociate.clevertap.intake.kamelet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kamelet keeps the rules of apache/camel-kamelets' own validator ({@code script/validator/validator.go}, which
 * that catalog's CI runs on every kamelet), all but the provider's name, which must be the Apache Software Foundation's
 * there. The validator is a Go program that fetches its modules, so its rules are written out here, one test each. The
 * kamelet is read as the build puts it in the jar ({@code ${project.version}} filled in).
 */
class KameletCatalogRulesTest {

    private static final String NAME = "clevertap-disassociate-sink";
    private static final String FILE = NAME + ".kamelet.yaml";
    /** The validator's pattern of a parameter used in the template: {@code {{name}}}, {@code {{?name}}}, {@code {{name:default}}}. */
    private static final Pattern PARAMETER = Pattern.compile("\\{\\{[?]?([A-Za-z0-9-._]+)(?:[:][^}]*)?}}");
    /** English stop words the validator leaves uncapitalised in a title (a few; it uses a full list). */
    private static final Set<String> STOP_WORDS =
            Set.of("a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with");

    private static JsonNode kamelet;

    @BeforeAll
    static void readTheKameletAsBuilt() throws IOException {
        try (InputStream in = KameletCatalogRulesTest.class.getClassLoader().getResourceAsStream("kamelets/" + FILE)) {
            assertNotNull(in, "kamelets/" + FILE + " is in the jar, where Camel looks for kamelets");
            kamelet = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    private static JsonNode definition() {
        return kamelet.path("spec").path("definition");
    }

    @Test
    void itsFileNameIsItsNameAndItsNameEndsWithItsType() {
        assertEquals(NAME, kamelet.path("metadata").path("name").asText(), "the file name is the kamelet's name");
        String type = kamelet.path("metadata")
                .path("labels")
                .path("camel.apache.org/kamelet.type")
                .asText();
        assertTrue(List.of("source", "sink", "action").contains(type), "type label: " + type);
        assertTrue(NAME.endsWith("-" + type), NAME + " ends with -" + type);
    }

    @Test
    void itsDefinitionIsAnObjectWithATitleEndingInItsTypeAndADescription() {
        assertEquals("object", definition().path("type").asText());
        assertTrue(
                definition().path("title").asText().endsWith("Sink"),
                definition().path("title").asText());
        assertTrue(!definition().path("description").asText().isBlank(), "a description");
        assertTrue(kamelet.path("spec").has("template"), "a template");
    }

    @Test
    void everyPropertyHasATypeACapitalisedTitleAndADescription() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : properties()) {
            String name = property.getKey();
            JsonNode p = property.getValue();
            if (p.path("type").asText().isEmpty()) {
                problems.add(name + ": no type");
            }
            String title = p.path("title").asText();
            if (title.isEmpty()) {
                problems.add(name + ": no title");
            }
            for (String word : title.split(" ", -1)) {
                if (!word.isEmpty()
                        && !STOP_WORDS.contains(word.toLowerCase(Locale.ROOT))
                        && !Character.isUpperCase(word.charAt(0))) {
                    problems.add(name + ": '" + word + "' is not capitalised in the title");
                }
            }
            if (title.startsWith("The ") || title.startsWith("A ") || title.startsWith("An ")) {
                problems.add(name + ": the title starts with an article");
            }
            if (p.path("description").asText().isBlank()) {
                problems.add(name + ": no description");
            }
        }
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void everyRequiredPropertyIsDefinedAndListedOnce() {
        Set<String> seen = new TreeSet<>();
        for (JsonNode required : definition().path("required")) {
            assertTrue(seen.add(required.asText()), required.asText() + " is listed twice in required");
            assertTrue(definition().path("properties").has(required.asText()), required.asText() + " is not defined");
        }
    }

    @Test
    void itHasAnIconAndTheCatalogVersionOfThisBuild() throws IOException {
        JsonNode annotations = kamelet.path("metadata").path("annotations");
        assertTrue(
                annotations.path("camel.apache.org/kamelet.icon").asText().startsWith("data:image/svg+xml;base64,"),
                "an icon, as an SVG data URI");
        assertEquals(
                projectVersion(),
                annotations.path("camel.apache.org/catalog.version").asText());
    }

    @Test
    void aPasswordIsMarkedAsACredentialAndNoDeprecatedDescriptorIsUsed() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : properties()) {
            List<String> descriptors = new ArrayList<>();
            property.getValue().path("x-descriptors").forEach(d -> descriptors.add(d.asText()));
            if ("password".equals(property.getValue().path("format").asText())
                    && !descriptors.contains("urn:camel:group:credentials")) {
                problems.add(property.getKey() + ": a password without urn:camel:group:credentials");
            }
            descriptors.stream()
                    .filter(d -> d.startsWith("urn:alm:descriptor:com.tectonic.ui"))
                    .forEach(d -> problems.add(property.getKey() + ": deprecated descriptor " + d));
        }
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void aSinkStartsFromKameletSource() {
        assertEquals(
                "kamelet:source",
                kamelet.path("spec").path("template").path("from").path("uri").asText());
    }

    @Test
    void itsDependenciesAreCamelMavenOrApacheGithubOnes() {
        for (JsonNode dependency : kamelet.path("spec").path("dependencies")) {
            String d = dependency.asText();
            assertTrue(
                    d.startsWith("camel:") || d.matches("mvn:[^:]+:[^:]+:[^:]+") || d.startsWith("github:apache/"), d);
        }
    }

    @Test
    void everyParameterTheTemplateUsesIsDeclaredAndEveryDeclaredOneIsUsed() {
        Set<String> used = new TreeSet<>();
        collectParameters(kamelet.path("spec").path("template"), used);
        Set<String> declared = new TreeSet<>();
        definition().path("properties").fieldNames().forEachRemaining(declared::add);
        kamelet.path("spec")
                .path("template")
                .path("beans")
                .forEach(b -> declared.add(b.path("name").asText()));
        assertEquals(declared, used, "parameters declared, and used in the template");
    }

    private static List<Map.Entry<String, JsonNode>> properties() {
        List<Map.Entry<String, JsonNode>> properties = new ArrayList<>();
        definition().path("properties").fields().forEachRemaining(properties::add);
        return properties;
    }

    private static void collectParameters(JsonNode node, Set<String> into) {
        if (node.isTextual()) {
            Matcher m = PARAMETER.matcher(node.asText());
            while (m.find()) {
                into.add(m.group(1));
            }
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            collectParameters(children.next(), into);
        }
    }

    /** The project's version, as pom.xml gives it. */
    private static String projectVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>clevertap-disassociate</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "pom.xml gives the project's version");
        return m.group(1);
    }
}
