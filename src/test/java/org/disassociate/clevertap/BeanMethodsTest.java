package org.disassociate.clevertap;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Processor;
import org.apache.camel.Variable;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.disassociate.clevertap.model.Variables;
import org.disassociate.clevertap.testing.RouteFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The contract between the routes and the beans, checked without starting anything: the beans are made as the
 * application makes them ({@link ServiceBeans}, with a state folder of the test's and no embedded broker), the route
 * files are loaded into the context (not started), and every bean a route names exists, of the kind its step needs,
 * with the method the step calls. A misspelt {@code ref} or {@code method} in {@code routes/} fails here, with its file
 * and the name, rather than when a number first reaches the step.
 */
class BeanMethodsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    static Path state;

    private static DefaultCamelContext camel;

    /** What the routes name and the application does not have: filled once, by the walk of the route files. */
    private static final List<String> problems = new ArrayList<>();

    /** The variables a route sets (setVariable, variableReceive), by file. */
    private static final Map<String, String> written = new TreeMap<>();

    /** The variables a called bean method takes as a parameter (@Variable), with the step that calls it. */
    private static final Map<String, String> read = new TreeMap<>();

    @BeforeAll
    static void makeTheBeansAndLoadTheRoutes() throws Exception {
        camel = new DefaultCamelContext();
        camel.getPropertiesComponent().setLocation("file:config/application.properties");
        Properties overrides = new Properties();
        overrides.putAll(Map.of(
                "clevertap.module.enabled", "false",
                "state.dir", state.resolve("state").toString(),
                "errors.dir", state.resolve("errors").toString(),
                // an external broker that is never connected to: no embedded one is started
                "jms.broker-url", "tcp://127.0.0.1:1",
                "clevertap.region", "in1",
                "clevertap.account-id", "ACCOUNT-ID",
                "clevertap.passcode", "pass-of-the-test"));
        camel.getPropertiesComponent().setOverrideProperties(overrides);
        camel.build();
        ServiceBeans.bind(camel);
        List<Resource> files = new ArrayList<>();
        for (Path file : RouteFiles.paths()) {
            files.add(ResourceHelper.resolveResource(camel, "file:" + file));
            check(file.getFileName().toString(), YAML.readTree(file.toFile()), problems);
        }
        PluginHelper.getRoutesLoader(camel).loadRoutes(files);
        // the kamelet's template calls the module's beans too, and sets variables that its route's beans read
        Path kamelet = Path.of("src/main/resources/kamelets/clevertap-disassociate-sink.kamelet.yaml");
        check(kamelet.getFileName().toString(), YAML.readTree(kamelet.toFile()), problems);
    }

    @AfterAll
    static void closeTheBeans() throws java.io.IOException {
        ServiceHelper.stopAndShutdownService(camel.getRegistry());
        camel.close();
    }

    @Test
    void theRoutesAreLoadedWithoutStarting() {
        assertFalse(camel.getRouteDefinitions().isEmpty(), "routes/ holds routes");
        assertFalse(camel.isStarted(), "nothing is started");
    }

    @Test
    void everyBeanARouteNamesExistsWithTheMethodItCalls() {
        assertEquals(List.of(), problems, "beans or methods the routes name and the application does not have");
    }

    /**
     * A bean method that takes a variable (@Variable on a parameter) gets one that something sets: a route
     * (setVariable, variableReceive, the kamelet's template), or a bean of the service that sets it in Java.
     */
    @Test
    void everyVariableABeanReadsIsSetSomewhere() throws IOException {
        Set<String> setInJava = setInJava();
        List<String> unset = read.entrySet().stream()
                .filter(variable -> !written.containsKey(variable.getKey()) && !setInJava.contains(variable.getKey()))
                .map(variable -> variable.getKey() + " (read by " + variable.getValue() + ")")
                .toList();
        assertEquals(List.of(), unset, "variables a bean reads that no route and no bean sets");
        assertFalse(read.isEmpty(), "the beans read variables: the check saw them");
    }

    /** The variables the service's own Java sets: {@code setVariable(Variables.NAME, ...)}. */
    private static Set<String> setInJava() throws IOException {
        Pattern setVariable = Pattern.compile("setVariable\\(\\s*Variables\\.(\\w+)");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = setVariable.matcher(Files.readString(source));
                while (matcher.find()) {
                    try {
                        names.add((String)
                                Variables.class.getField(matcher.group(1)).get(null));
                    } catch (ReflectiveOperationException e) {
                        throw new LinkageError(source + " names Variables." + matcher.group(1), e);
                    }
                }
            }
        }
        return names;
    }

    /** Every place of the YAML DSL that names a bean: what kind it must be, and the method it calls. */
    private static void check(String file, JsonNode node, List<String> problems) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String key = field.getKey();
                JsonNode value = field.getValue();
                if (key.equals("setVariable") && value.has("name")) {
                    written.put(value.get("name").asText(), file);
                } else if (key.equals("variableReceive") && value.isTextual()) {
                    written.put(value.asText(), file);
                }
                if ((key.equals("bean") || key.equals("method")) && value.has("ref")) {
                    beanWithMethod(
                            file,
                            value.get("ref").asText(),
                            value.path("method").asText(null),
                            problems);
                } else if (key.equals("process") && value.has("ref")) {
                    bean(file, value.get("ref").asText(), Processor.class, problems);
                } else if (key.equals("aggregationStrategy") && value.isTextual()) {
                    bean(file, value.asText(), AggregationStrategy.class, problems);
                } else if (key.equals("onRedeliveryRef")) {
                    bean(file, value.asText(), Processor.class, problems);
                } else if (key.equals("redeliveryPolicyRef")) {
                    bean(file, value.asText(), RedeliveryPolicy.class, problems);
                } else if (value.isTextual() && value.asText().startsWith("#")) {
                    // an endpoint's parameter that names a bean: #name or #bean:name; one of each account
                    // (clevertapClient-${variable.batch.account}) is looked for as the test's account's
                    String name = value.asText()
                            .substring(1)
                            .replaceFirst("^bean:", "")
                            .replaceAll("\\$\\{[^}]*}|\\{\\{[^}]*}}", "default");
                    bean(file, name, Object.class, problems);
                }
                check(file, value, problems);
            });
        } else if (node.isArray()) {
            node.forEach(element -> check(file, element, problems));
        }
    }

    private static void beanWithMethod(String file, String ref, String method, List<String> problems) {
        Object bean = bean(file, ref, Object.class, problems);
        if (bean == null || method == null) {
            return;
        }
        String name = method.contains("(") ? method.substring(0, method.indexOf('(')) : method;
        List<Method> called = Arrays.stream(bean.getClass().getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getName().equals(name))
                .toList();
        for (Method candidate : called) {
            for (Parameter parameter : candidate.getParameters()) {
                Variable variable = parameter.getAnnotation(Variable.class);
                if (variable != null) {
                    read.putIfAbsent(variable.value(), file + " " + ref + "." + name);
                }
            }
        }
        if (called.isEmpty()) {
            problems.add(file + ": " + ref + " (" + bean.getClass().getName() + ") has no public method " + name);
        }
    }

    private static Object bean(String file, String ref, Class<?> kind, List<String> problems) {
        Object bean = camel.getRegistry().lookupByName(ref);
        if (bean == null) {
            problems.add(file + ": no bean " + ref);
            return null;
        }
        if (!kind.isInstance(bean)) {
            problems.add(file + ": " + ref + " is a " + bean.getClass().getName() + ", not a " + kind.getSimpleName());
        }
        return bean;
    }
}
