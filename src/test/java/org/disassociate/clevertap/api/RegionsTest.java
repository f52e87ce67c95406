package org.disassociate.clevertap.api;

import java.util.List;
import java.util.Properties;

import org.apache.camel.impl.DefaultCamelContext;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The regions CleverTap documents, and the endpoint each one means through config/application.properties. */
class RegionsTest {

    /** The request URI of the send route, as Camel resolves it from config/application.properties with this region. */
    private static String endpointOf(String region) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setLocation("file:config/application.properties");
            Properties overrides = new Properties();
            overrides.setProperty("clevertap.region", region);
            context.getPropertiesComponent().setOverrideProperties(overrides);
            return context.resolvePropertyPlaceholders("{{clevertap.base-url}}/1/disassociate");
        }
    }

    private static AccountSettings settings(String region) throws Exception {
        AccountSettings settings = new AccountSettings();
        settings.setAccounts(new Accounts());
        settings.setRegion(region);
        settings.setBaseUrl(endpointOf(region).replace("/1/disassociate", ""));
        settings.setAccountId("ACCOUNT");
        settings.setPasscode("passcode");
        return settings;
    }

    @ParameterizedTest
    @ValueSource(strings = {"in1", "sg1", "us1", "aps3", "mec1", "eu1"})
    void eachRegionMeansItsOwnEndpointAndIsAccepted(String region) throws Exception {
        assertEquals("https://" + region + ".api.clevertap.com/1/disassociate", endpointOf(region));
        assertDoesNotThrow(() -> settings(region).validate());
    }

    @Test
    void exactlySixRegionsAreKnown() {
        assertEquals(List.of("in1", "sg1", "us1", "aps3", "mec1", "eu1"), AccountSettings.REGIONS);
    }

    @Test
    void anUnknownRegionIsRefusedWithTheValidOnes() throws Exception {
        AccountSettings settings = settings("in2");

        ConfigurationException refused = assertThrows(ConfigurationException.class, settings::validate);

        assertTrue(refused.getMessage().contains("'in2' is not a CleverTap region"), refused.getMessage());
        assertTrue(
                refused.getMessage().endsWith("valid regions: in1, sg1, us1, aps3, mec1, eu1"), refused.getMessage());
    }
}
