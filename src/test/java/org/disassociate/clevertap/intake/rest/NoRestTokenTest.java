package org.disassociate.clevertap.intake.rest;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Properties;

import org.disassociate.clevertap.testing.ApplicationTestSupport;
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
            HttpResponse<String> response =
                    rest().authorization(authorization).json().postNumbers(List.of("+919812345601"));
            assertEquals(401, response.statusCode());
            assertTrue(response.body().contains("no token configured"), response.body());
        }
    }
}
