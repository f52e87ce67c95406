package org.disassociate.clevertap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.disassociate.clevertap.testing.RouteFiles;
import org.disassociate.clevertap.testing.RouteFiles.Definition;
import org.disassociate.clevertap.testing.RouteFiles.RouteFile;
import org.disassociate.clevertap.testing.RouteFiles.Send;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code routes/} reads top to bottom: a route file sends only to direct endpoints of its own or of a later file (in
 * the order of their names), never back to an earlier one, so that a reader follows a number from its intake to
 * CleverTap and the error channel without turning back. Every send counts, wherever it is: a route's, a route
 * template's, a route configuration's ({@link RouteFiles}). A direct endpoint named only at run time
 * ({@code direct:${...}}) cannot be placed and is left out.
 */
class RouteReadingOrderTest {

    /** Where a direct endpoint is consumed: the place of its file in the order, and the definition. */
    private record Consumer(int file, Definition definition) {}

    @Test
    void noRouteFileSendsToADirectEndpointOfAnEarlierFile() throws Exception {
        List<RouteFile> files = RouteFiles.read();
        Map<String, Consumer> consumers = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            for (Definition definition : files.get(i).definitions()) {
                int file = i;
                definition
                        .from()
                        .flatMap(RouteFiles::directName)
                        .ifPresent(name -> consumers.put(name, new Consumer(file, definition)));
            }
        }
        // once each: a configuration's clauses may send to the same endpoint
        Set<String> problems = new LinkedHashSet<>();
        for (int i = 0; i < files.size(); i++) {
            for (Definition definition : files.get(i).definitions()) {
                for (Send send : definition.sends()) {
                    String name = send.direct().orElse(null);
                    if (name == null || name.contains("${")) {
                        continue;
                    }
                    Consumer target = consumers.get(name);
                    if (target == null) {
                        problems.add(
                                definition.where() + ": sends to direct:" + name + ", which no route file defines");
                    } else if (target.file() < i) {
                        problems.add(definition.where() + ": sends to direct:" + name + ", defined in an earlier file ("
                                + target.definition().where() + "): a reader of routes/ would turn back; move one of"
                                + " them so that the path reads top to bottom");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The test above cannot pass by seeing nothing: the sends it must see, of each kind and in each form. */
    @Test
    void theSendsOfRoutesTemplatesAndRouteConfigurationsAreSeen() throws Exception {
        List<String> seen = new ArrayList<>();
        for (RouteFile file : RouteFiles.read()) {
            for (Definition definition : file.definitions()) {
                for (Send send : definition.sends()) {
                    seen.add(definition.kind() + " " + definition.id() + " " + send.step() + " " + send.uri());
                }
            }
        }
        for (String expected : new String[] {
            // a route's to, as text and as uri:
            "route intake-file to direct:read-numbers-file",
            "route intake-jms to direct:error-channel",
            // a route template's, and a toD
            "routeTemplate intake-spool to direct:read-numbers-file",
            "route batch-numbers toD seda:batches-${body.account}",
            // a route configuration's
            "routeConfiguration rest-intake-errors to direct:rest-reply",
            "routeConfiguration clevertap-call-errors to direct:batch-failed"
        }) {
            assertTrue(seen.contains(expected), expected + " in:\n" + String.join("\n", seen));
        }
    }
}
