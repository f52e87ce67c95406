package org.disassociate.clevertap.intake.rest;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Properties;

import org.disassociate.clevertap.testing.ApplicationTestSupport;
import org.disassociate.clevertap.testing.CleverTapStandIn;
import org.disassociate.clevertap.testing.RestCalls;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without TLS, the account's passcode is taken only from callers on this machine: one that calls from another address
 * (here: this machine's own non-loopback address, which is what the intake sees as the caller's) is refused with 401
 * and told why, and nothing is sent; the bearer token is taken from anywhere.
 */
class PlainHttpCredentialsTest extends ApplicationTestSupport {

    @Override
    protected Properties overrides() {
        Properties p = new Properties();
        p.setProperty("camel.server.host", "0.0.0.0");
        return p;
    }

    /** An IPv4 address of this machine's that is not a loopback one: a caller from it is "from the network". */
    private static String nonLoopbackAddress() throws Exception {
        for (NetworkInterface network : NetworkInterface.networkInterfaces().toList()) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : network.inetAddresses().toList()) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        }
        throw new IllegalStateException("this test needs a network interface with an IPv4 address besides loopback");
    }

    @Test
    void cleverTapCredentialsFromAnotherAddressAre401AndTheTokenIsTaken() throws Exception {
        RestCalls fromTheNetwork =
                rest().origin("http://" + nonLoopbackAddress() + ":" + restPort).json();

        HttpResponse<String> refused = fromTheNetwork
                .cleverTap(CleverTapStandIn.ACCOUNT_ID, CleverTapStandIn.PASSCODE)
                .postNumbers(List.of(indian(91_000)));
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(json(refused).path("error").asText().contains("only from this machine"), refused.body());

        assertEquals(
                202,
                fromTheNetwork
                        .bearer(TOKEN)
                        .postNumbers(List.of(indian(91_001)))
                        .statusCode());
        assertEquals(
                202,
                rest().json()
                        .cleverTap(CleverTapStandIn.ACCOUNT_ID, CleverTapStandIn.PASSCODE)
                        .postNumbers(List.of(indian(91_002)))
                        .statusCode(),
                "from loopback, over plain HTTP, taken");
        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(() -> standIn.delivered().size() == 2);
        assertTrue(!standIn.delivered().contains(indian(91_000)), "the refused request's number was not taken");
    }
}
