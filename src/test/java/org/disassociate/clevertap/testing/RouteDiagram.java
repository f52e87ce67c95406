package org.disassociate.clevertap.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.disassociate.clevertap.testing.RouteFiles.BeanCall;
import org.disassociate.clevertap.testing.RouteFiles.Definition;
import org.disassociate.clevertap.testing.RouteFiles.RouteFile;
import org.disassociate.clevertap.testing.RouteFiles.Send;

/**
 * The path of a number as a Mermaid flowchart, made from the route files ({@link RouteFiles}): a node for each route
 * and each route template (labelled with the routes it makes, {@code send-batch-<account>}), in a subgraph for each
 * file, in the order of the files. Solid edges: a direct call, and a seda queue between the route that sends to it and
 * the one that consumes it. Dashed edges: a spool file on disk, and what a route's error handling (the route
 * configuration it names) sends on, labelled with the configuration, where the route does not call it itself. Left out:
 * routes started by a timer and the sandbox's stand-in of the API. Start nodes: the {@code from} endpoint of each
 * route that no other route sends to (the intakes); end nodes: each endpoint that no route of {@code routes/}
 * consumes (CleverTap's API, the error channel's {@code errors.uri}, the run reports).
 * <p>
 * Read from the YAML as written rather than from Camel's model: what the diagram shows is which file a route is in,
 * the files' order and the endpoints as a reader sees them ({@code {{state.dir}}/spool}, not a resolved path), which
 * a model needs a Camel context and its properties to give, and the reading-order test reads the same way.
 */
public final class RouteDiagram {

    /** The sandbox's stand-in of CleverTap's API is where a number ends, not a step of its path. */
    private static final Set<String> LEFT_OUT_FILES = Set.of("sandbox.camel.yaml");
    /** A route started by a timer (the spool's rotation, the progress lines) starts no number's path. */
    private static final String TIMER = "timer:";
    /**
     * The one rule not read from an endpoint: the spool's files are written by the bean {@code spool}
     * ({@code durability.Spool}: {@code append}, {@code setAside}), so no URI says who writes them. Who reads them the
     * routes say: the file consumers under {@link #SPOOL_FOLDER}.
     */
    private static final String SPOOL_BEAN = "spool";

    private static final Set<String> SPOOL_WRITES = Set.of("append", "setAside");
    private static final String SPOOL_FOLDER = "file:{{state.dir}}/spool/";
    /** A placeholder: Camel's {@code {{property}}}, a template's {@code {{parameter}}}, or a simple {@code ${...}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]+)}}|\\$\\{[^}]+}");

    private static final String INDENT = "    ";

    private RouteDiagram() {}

    /** A route or route template shown as a node, with the Mermaid id it has. */
    private record Node(String id, Definition definition) {}

    /** The Mermaid of the path, ending in a new line. */
    public static String mermaid(List<RouteFile> files) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, Definition> configurations = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (RouteFile file : files) {
            for (Definition definition : file.definitions()) {
                if (definition.kind().equals("routeConfiguration")) {
                    configurations.put(definition.id(), definition);
                } else if (shown(definition)) {
                    String id = unique(
                            ids, (definition.kind().equals("routeTemplate") ? "t_" : "r_") + id(definition.id()));
                    nodes.put(definition.file() + " " + definition.id(), new Node(id, definition));
                }
            }
        }
        Map<String, Node> directs = new HashMap<>();
        Map<String, Node> sedas = new HashMap<>();
        for (Node node : nodes.values()) {
            String from = node.definition().from().orElseThrow();
            RouteFiles.directName(from).ifPresent(name -> directs.put(name, node));
            if (from.startsWith("seda:")) {
                sedas.put(shape(from), node);
            }
        }

        Set<String> edges = new LinkedHashSet<>();
        Set<Node> reached = new HashSet<>();
        Map<String, List<String>> endNodes = new LinkedHashMap<>();
        for (Node node : nodes.values()) {
            Definition definition = node.definition();
            for (Send send : definition.sends()) {
                Optional<String> direct = send.direct();
                Node target = direct.isPresent()
                        ? directs.get(direct.get())
                        : send.uri().startsWith("seda:") ? sedas.get(shape(send.uri())) : null;
                if (target != null) {
                    String queue = direct.isPresent()
                            ? ""
                            : "|\"" + label(named(target.definition().from().orElseThrow(), target.definition()))
                                    + "\"|";
                    edges.add(node.id() + " -->" + queue + " " + target.id());
                    reached.add(target);
                } else if (direct.isEmpty()) {
                    List<String> ends = endNodes.computeIfAbsent(definition.file(), f -> new ArrayList<>());
                    String end = unique(ids, "x_" + id(definition.id()));
                    ends.add(end + "([\"" + label(send.uri()) + "\"])");
                    edges.add(node.id() + " --> " + end);
                }
            }
            // what the route's error handling sends on
            definition.configuration().map(configurations::get).ifPresent(configuration -> {
                for (Send send : configuration.sends()) {
                    Node target = send.direct().map(directs::get).orElse(null);
                    // a route that calls the target itself shows it already (the REST intake's reply)
                    if (target != null && !edges.contains(node.id() + " --> " + target.id())) {
                        edges.add(node.id() + " -.->|\"" + label(configuration.id()) + "\"| " + target.id());
                        reached.add(target);
                    }
                }
            });
        }
        List<Node> spoolWriters = new ArrayList<>();
        List<Node> spoolReaders = new ArrayList<>();
        for (Node node : nodes.values()) {
            for (BeanCall call : node.definition().beanCalls()) {
                if (call.ref().equals(SPOOL_BEAN) && SPOOL_WRITES.contains(call.method())) {
                    spoolWriters.add(node);
                    break;
                }
            }
            if (node.definition().from().orElseThrow().startsWith(SPOOL_FOLDER)) {
                spoolReaders.add(node);
            }
        }
        if (spoolWriters.isEmpty() || spoolReaders.isEmpty()) {
            throw new IllegalStateException("the spool's rule finds no route that writes its files (bean " + SPOOL_BEAN
                    + ", " + SPOOL_WRITES + ") or none that reads them (from " + SPOOL_FOLDER
                    + "...): RouteDiagram's rule is out of step with the routes");
        }
        for (Node writer : spoolWriters) {
            for (Node reader : spoolReaders) {
                edges.add(writer.id() + " -.->|\"spool file\"| " + reader.id());
                reached.add(reader);
            }
        }

        StringBuilder out = new StringBuilder("flowchart LR\n");
        List<String> starts = new ArrayList<>();
        for (RouteFile file : files) {
            List<Node> own = nodes.values().stream()
                    .filter(n -> n.definition().file().equals(file.name()))
                    .toList();
            if (own.isEmpty()) {
                continue;
            }
            out.append(INDENT)
                    .append("subgraph ")
                    .append(unique(ids, "f_" + id(file.name().replace(".camel.yaml", ""))))
                    .append(" [\"")
                    .append(label(file.name()))
                    .append("\"]\n");
            for (Node node : own) {
                if (!reached.contains(node)) {
                    String start = unique(ids, "s_" + id(node.definition().id()));
                    out.append(INDENT.repeat(2))
                            .append(start)
                            .append("([\"")
                            .append(label(node.definition().from().orElseThrow()))
                            .append("\"])\n");
                    starts.add(start + " --> " + node.id());
                }
                out.append(INDENT.repeat(2))
                        .append(node.id())
                        .append("[\"")
                        .append(nodeLabel(node.definition()))
                        .append("\"]\n");
            }
            for (String end : endNodes.getOrDefault(file.name(), List.of())) {
                out.append(INDENT.repeat(2)).append(end).append('\n');
            }
            out.append(INDENT).append("end\n");
        }
        for (String edge : starts) {
            out.append(INDENT).append(edge).append('\n');
        }
        for (String edge : edges) {
            out.append(INDENT).append(edge).append('\n');
        }
        return out.toString();
    }

    private static boolean shown(Definition definition) {
        return definition.from().isPresent()
                && !definition.from().get().startsWith(TIMER)
                && !LEFT_OUT_FILES.contains(definition.file());
    }

    /**
     * A route's id; a template's routes are told apart by the parameters of their {@code from} (no two routes consume
     * one endpoint): {@code send-batch-<account>}, and the template it is made from.
     */
    private static String nodeLabel(Definition definition) {
        if (!definition.kind().equals("routeTemplate")) {
            return label(definition.id());
        }
        List<String> own = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(definition.from().orElseThrow());
        while (placeholder.find()) {
            if (placeholder.group(1) != null && definition.parameters().contains(placeholder.group(1))) {
                own.add("<" + placeholder.group(1) + ">");
            }
        }
        return label(definition.id() + (own.isEmpty() ? "" : "-" + String.join("-", own))) + "<br/>"
                + label("(template " + definition.id() + ")");
    }

    /** An endpoint as the routes of a template consume it: its parameters as {@code <name>}. */
    private static String named(String uri, Definition definition) {
        Matcher placeholder = PLACEHOLDER.matcher(uri);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String replacement = name != null && definition.parameters().contains(name) ? "<" + name + ">" : "$0";
            placeholder.appendReplacement(out, replacement);
        }
        return placeholder.appendTail(out).toString();
    }

    /** An endpoint with its options left off and each placeholder as {@code *}: what a sender and a consumer share. */
    private static String shape(String uri) {
        int options = uri.indexOf('?');
        return PLACEHOLDER
                .matcher(options < 0 ? uri : uri.substring(0, options))
                .replaceAll("*");
    }

    /** Mermaid's id of a name: letters, digits and '_'. */
    private static String id(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_");
    }

    private static String unique(Set<String> ids, String id) {
        String unique = id;
        for (int n = 2; !ids.add(unique); n++) {
            unique = id + "_" + n;
        }
        return unique;
    }

    /** Text for a quoted Mermaid label: its own entity codes for what would end the label or read as HTML. */
    private static String label(String text) {
        return text.replace("#", "#35;")
                .replace("\"", "#quot;")
                .replace("<", "#lt;")
                .replace(">", "#gt;");
    }
}
