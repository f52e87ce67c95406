package org.disassociate.clevertap.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The route files of {@code routes/} as their reader sees them: in the order of their names, each with its routes,
 * route templates and route configurations (and whatever else it defines besides beans), where each starts
 * ({@code from}) and every endpoint it sends to. Read as YAML (Jackson's, on the test class path already for
 * {@code RoutesSchemaTest}), as written: no Camel context, no property placeholder resolved, so that an endpoint reads
 * as it does in the file.
 */
public final class RouteFiles {

    public static final Path DIR = Path.of("routes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The steps whose value, or the {@code uri} of whose value, is an endpoint the exchange is sent to. */
    private static final Set<String> SENDING_STEPS = Set.of("to", "toD", "wireTap", "enrich", "pollEnrich", "poll");

    private RouteFiles() {}

    /** One file of {@code routes/}: its name and what it defines, in the file's order. */
    public record RouteFile(String name, List<Definition> definitions) {}

    /**
     * A route, route template, route configuration (or any other top-level item but beans) of a file: {@code kind} is
     * its YAML key, {@code from} the URI of its consumer (none for a route configuration), {@code configuration} the
     * route configuration it names (routeConfigurationId), {@code parameters} a template's parameters.
     */
    public record Definition(
            String file,
            String kind,
            String id,
            Optional<String> from,
            Optional<String> configuration,
            List<String> parameters,
            List<Send> sends,
            List<BeanCall> beanCalls) {

        /** How a failure message names it: {@code routes/5-read.camel.yaml, route read-numbers-file}. */
        public String where() {
            return DIR.resolve(file) + ", " + kind + " " + id;
        }
    }

    /** An endpoint a definition sends to, and the step or field that names it ({@code to}, {@code toD}, ...). */
    public record Send(String step, String uri) {

        /** The name of the direct endpoint it sends to, when it is one. */
        public Optional<String> direct() {
            return directName(uri);
        }
    }

    /** A bean's method called by a step ({@code bean}) or an expression ({@code method}). */
    public record BeanCall(String ref, String method) {}

    /** The route files' paths, in the order of their names: the order in which the application reads them. */
    public static List<Path> paths() throws IOException {
        try (Stream<Path> listing = Files.list(DIR)) {
            return listing.filter(f -> f.getFileName().toString().endsWith(".camel.yaml"))
                    .sorted()
                    .toList();
        }
    }

    /** Every route file, in the order of their names (as {@code ls} and a repository's page list them). */
    public static List<RouteFile> read() throws IOException {
        List<RouteFile> files = new ArrayList<>();
        for (Path path : paths()) {
            String name = path.getFileName().toString();
            List<Definition> definitions = new ArrayList<>();
            for (JsonNode item : YAML.readTree(path.toFile())) {
                for (Map.Entry<String, JsonNode> field : item.properties()) {
                    if (!field.getKey().equals("beans")) {
                        definitions.add(definition(name, field.getKey(), field.getValue()));
                    }
                }
            }
            files.add(new RouteFile(name, List.copyOf(definitions)));
        }
        return List.copyOf(files);
    }

    /** The name of a direct endpoint ({@code direct:name}, its options left off), when the URI is one. */
    public static Optional<String> directName(String uri) {
        String trimmed = uri.strip();
        if (!trimmed.startsWith("direct:")) {
            return Optional.empty();
        }
        String name = trimmed.substring("direct:".length());
        int options = name.indexOf('?');
        return Optional.of(options < 0 ? name : name.substring(0, options));
    }

    private static Definition definition(String file, String kind, JsonNode value) {
        // a route template's route is under route: (or, written the older way, its from is its own)
        JsonNode route = value.has("route") ? value.get("route") : value;
        JsonNode from = route.path("from");
        Optional<String> fromUri = from.isTextual()
                ? Optional.of(from.asText())
                : from.has("uri") ? Optional.of(endpointUri(from)) : Optional.empty();
        Optional<String> configuration =
                Optional.ofNullable(route.path("routeConfigurationId").textValue());
        List<String> parameters = new ArrayList<>();
        for (JsonNode parameter : value.path("parameters")) {
            parameters.add(parameter.path("name").asText());
        }
        List<Send> sends = new ArrayList<>();
        List<BeanCall> beanCalls = new ArrayList<>();
        walk(value, kind, sends, beanCalls);
        return new Definition(
                file,
                kind,
                value.path("id").asText("(no id)"),
                fromUri,
                configuration,
                List.copyOf(parameters),
                List.copyOf(sends),
                List.copyOf(beanCalls));
    }

    /**
     * Everything under {@code node} (the value of {@code key}) that sends to an endpoint: a sending step's URI, and any
     * other text anywhere in the tree that is, or lists, a direct endpoint (a recipient list, a routing slip). The
     * definition's own {@code from} URI is where it starts, not a send.
     */
    private static void walk(JsonNode node, String key, List<Send> sends, List<BeanCall> beanCalls) {
        if (node.isTextual()) {
            if (SENDING_STEPS.contains(key)) {
                sends.add(new Send(key, node.asText()));
            } else {
                for (String part : node.asText().split(",", -1)) {
                    if (directName(part).isPresent()) {
                        sends.add(new Send(key, part.strip()));
                    }
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                walk(element, key, sends, beanCalls);
            }
        } else if (node.isObject()) {
            boolean sending = SENDING_STEPS.contains(key) && node.has("uri");
            if (sending) {
                sends.add(new Send(key, endpointUri(node)));
            }
            if ((key.equals("bean") || key.equals("method")) && node.has("ref")) {
                beanCalls.add(new BeanCall(
                        node.path("ref").asText(), node.path("method").asText("")));
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                boolean ownUri = field.getKey().equals("uri") && (sending || key.equals("from"));
                if (!ownUri) {
                    walk(field.getValue(), field.getKey(), sends, beanCalls);
                }
            }
        }
    }

    /** An endpoint's URI, with its name when the YAML gives it as a parameter ({@code uri: direct}, {@code name: x}). */
    private static String endpointUri(JsonNode endpoint) {
        String uri = endpoint.path("uri").asText();
        JsonNode name = endpoint.path("parameters").path("name");
        return !uri.contains(":") && name.isValueNode() ? uri + ":" + name.asText() : uri;
    }
}
