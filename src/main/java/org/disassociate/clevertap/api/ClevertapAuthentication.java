package org.disassociate.clevertap.api;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The one place the account's credentials are put on a request: as the HTTP client's request interceptor, so they never
 * become Camel message headers that a log line, a trace or an error-channel message could carry. The passcode is
 * returned by no getter and printed by no {@code toString}.
 */
public class ClevertapAuthentication implements HttpClientConfigurer {

    private String accountId = "";
    private String passcode = "";

    /** Every request of the CleverTap endpoint's client carries the account's credentials. */
    @Override
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        clientBuilder.addRequestInterceptorFirst((request, entity, context) -> {
            request.setHeader("X-CleverTap-Account-Id", accountId);
            request.setHeader("X-CleverTap-Passcode", passcode);
        });
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId == null ? "" : accountId.trim();
    }

    public void setPasscode(String passcode) {
        this.passcode = passcode == null ? "" : passcode.trim();
    }

    @Override
    public String toString() {
        return "ClevertapAuthentication[account " + accountId + ", passcode ****]";
    }
}
