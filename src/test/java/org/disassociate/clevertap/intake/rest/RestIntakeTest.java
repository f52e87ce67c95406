package org.disassociate.clevertap.intake.rest;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.VertxOptions;
import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.TestFiles;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestIntakeTest extends ApplicationTestSupport {

    @Test
    void theServersWorkerThreadsAreIntakeRestWorkerThreads() {
        // Camel's platform-http server takes Vert.x's options from the registry by type
        VertxOptions options = context.getRegistry().findSingleByType(VertxOptions.class);
        assertEquals(64, options.getWorkerPoolSize(), "intake.rest.worker-threads, by default 64");
    }

    @Test
    void acceptedNumbersAreDisassociatedAndRejectedOnesAreNamed() throws Exception {
        HttpResponse<String> response = postJson("""
                {"d":[{"type":"phone","value":"+919812345601"},{"type":"phone","value":"98123 45602"},
                      {"type":"email","value":"a@example.com"},{"type":"phone","value":"12"}]}""");

        assertEquals(202, response.statusCode());
        JsonNode reply = json(response);
        assertEquals(2, reply.path("accepted").asInt());
        assertEquals(
                "a@example.com", reply.path("rejected").get(0).path("value").asText());
        assertEquals("12", reply.path("rejected").get(1).path("value").asText());
        assertTrue(reply.path("rejected").get(1).path("error").asText().length() > 3);
        await().atMost(WAIT).until(() -> standIn.allValues().size() == 2);
        assertEquals(List.of("+919812345601", "+919812345602"), standIn.allValues());
        await().atMost(WAIT).until(() -> errors().size() == 2);
        assertEquals("rest", errors().get(0).path("source").asText());
    }

    @Test
    void theAnswerIs202OnlyOnceTheAcceptedNumbersAreOnDisk() throws Exception {
        context.getRouteController().stopRoute("intake-spool-default");

        HttpResponse<String> response = postJson("""
                {"d":[{"type":"phone","value":"98123 45601"},{"type":"phone","value":"x"},{"type":"phone","value":"+919812345602"}]}""");

        assertEquals(202, response.statusCode());
        // on disk at the 202: in the spool's open file, or in the one it was renamed to since
        List<String> spooled = new ArrayList<>();
        for (Path file : spoolFiles()) {
            spooled.addAll(Files.readAllLines(file));
        }
        assertEquals(List.of("+919812345601", "+919812345602"), spooled);
        assertEquals(0, standIn.requests().size());

        context.getRouteController().startRoute("intake-spool-default");

        await().atMost(WAIT).until(() -> standIn.allValues().size() == 2);
        assertEquals(List.of("+919812345601", "+919812345602"), standIn.allValues());
        await().atMost(WAIT).until(() -> spoolFiles().isEmpty());
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(stateDir().resolve("spool").resolve("default"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aLongBodyIsBatchedLikeAnyOther() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 2300; i++) {
            numbers.add(indian(700_000 + i));
        }
        HttpResponse<String> response = postJson(TestFiles.disassociateBody(numbers));

        assertEquals(202, response.statusCode());
        assertEquals(2300, json(response).path("accepted").asInt());
        await().atMost(WAIT).until(() -> standIn.allValues().size() == 2300);
        assertTrue(standIn.batches().stream().allMatch(b -> b.size() <= 1000));
        assertEquals(2300, new HashSet<>(standIn.allValues()).size());
    }

    @Test
    void withoutTheRightTokenTheAnswerIs401() throws Exception {
        String body = TestFiles.disassociateBody(List.of("+919812345601"));
        for (String authorization : new String[] {null, "Bearer wrong", TOKEN, "Basic " + TOKEN}) {
            HttpResponse<String> response = postIntake(authorization, "application/json", body);
            assertEquals(401, response.statusCode(), "Authorization: " + authorization);
            assertTrue(json(response).path("error").asText().contains("token"));
        }
        assertEquals(0, standIn.requests().size());
    }

    @Test
    void malformedJsonOrABodyWithoutDIs400() throws Exception {
        for (String body : new String[] {"{\"d\":[", "{\"data\":[]}", "[1,2]", "{\"d\":\"+919812345601\"}"}) {
            HttpResponse<String> response = postJson(body);
            assertEquals(400, response.statusCode(), body);
            assertTrue(json(response).path("error").asText().length() > 5, body);
        }
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        HttpResponse<String> response = postIntake("Bearer " + TOKEN, "text/plain", "+919812345601");

        assertEquals(415, response.statusCode());
        assertTrue(json(response).path("error").asText().contains("application/json"));
    }

    @Test
    void aBodyOverTheSizeLimitIs413() throws Exception {
        String big = "{\"d\":[" + "{\"type\":\"phone\",\"value\":\"+919812345601\"},".repeat(300_000) + "]}";

        HttpResponse<String> response = postJson(big);

        assertEquals(413, response.statusCode());
        assertTrue(json(response).path("error").asText().contains("intake.rest.max-body-bytes"), response.body());
        assertEquals(0, standIn.requests().size());
    }
}
