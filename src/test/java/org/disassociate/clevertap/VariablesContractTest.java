package org.disassociate.clevertap;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.disassociate.clevertap.model.Variables;
import org.disassociate.clevertap.testing.RouteFiles;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The routes of {@code routes/} and the beans talk through Camel variables whose names are listed once, in
 * {@link Variables}: a route that sets or reads a name not listed there, or a listed name no route uses, is a contract
 * gone out of step. The routes hand nothing from step to step in exchange properties.
 */
class VariablesContractTest {

    private static final Pattern SET = Pattern.compile("- setVariable:\\s*\\n\\s*name:\\s*(\\w+)");
    private static final Pattern READ = Pattern.compile("\\$\\{variable\\.(\\w+)");
    private static final Pattern SEND_OR_RECEIVE = Pattern.compile("variable(?:Send|Receive):\\s*(\\w+)");

    @Test
    void theRoutesUseExactlyTheVariablesThatAreListed() throws Exception {
        String routes = routes();
        Set<String> used = new TreeSet<>();
        for (Pattern pattern : new Pattern[] {SET, READ, SEND_OR_RECEIVE}) {
            Matcher matcher = pattern.matcher(routes);
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        assertEquals(listed(), used, "variables of routes/*.camel.yaml against those listed in Variables");
    }

    @Test
    void theRoutesHandNothingOnInExchangeProperties() throws Exception {
        String routes = routes();
        assertTrue(
                !routes.contains("setProperty") && !routes.contains("exchangeProperty"),
                "routes/ sets or reads exchange properties; hand values on in variables (Variables)");
    }

    private static Set<String> listed() throws IllegalAccessException {
        Set<String> names = new TreeSet<>();
        for (Field field : Variables.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add((String) field.get(null));
            }
        }
        return names;
    }

    private static String routes() throws IOException {
        StringBuilder all = new StringBuilder();
        List<Path> sources = new ArrayList<>(RouteFiles.paths());
        // the kamelet's template hands its parameters and the module's answer on in variables too
        sources.add(Path.of("src/main/resources/kamelets/clevertap-disassociate-sink.kamelet.yaml"));
        for (Path file : sources) {
            // comments may name a variable in prose; only the steps count
            for (String line : Files.readAllLines(file)) {
                if (!line.strip().startsWith("#")) {
                    all.append(line).append('\n');
                }
            }
        }
        return all.toString();
    }
}
