package org.disassociate.clevertap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoRestTokenTest extends ApplicationTestSupport {

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        p.setProperty("intake.rest.token", "");
        return p;
    }

    @Test
    void withNoTokenConfiguredEveryBearerCallIsRefused() throws Exception {
        for (String authorization : new String[] {"Bearer ", "Bearer null", "Bearer"}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + restPort + "/1/disassociate"))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"d\":[{\"type\":\"phone\",\"value\":\"+919812345601\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, response.statusCode());
            assertTrue(response.body().contains("no token configured"), response.body());
        }
    }
}
