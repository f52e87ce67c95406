package org.disassociate.clevertap.api;

import java.util.concurrent.TimeUnit;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The HTTP client of the CleverTap endpoint, set on the endpoint rather than on Camel's {@code http} component, which
 * inside a host application is the host's: how long a request may wait for a connection and for its answer, no retries
 * of HttpClient's own (Camel's retries send a batch again, routes/0-error-handling.camel.yaml), and the account's
 * credentials ({@link ClevertapAuthentication}).
 */
public class ClevertapClient implements HttpClientConfigurer {

    private ClevertapAuthentication authentication;
    private long responseTimeoutMillis = 30_000;

    public void setAuthentication(ClevertapAuthentication authentication) {
        this.authentication = authentication;
    }

    /** {@code clevertap.response-timeout-ms}: for a connection from the pool, and for the answer. */
    public void setResponseTimeoutMillis(long responseTimeoutMillis) {
        this.responseTimeoutMillis = responseTimeoutMillis;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        clientBuilder.disableAutomaticRetries();
        clientBuilder.setDefaultRequestConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(responseTimeoutMillis, TimeUnit.MILLISECONDS)
                .setResponseTimeout(responseTimeoutMillis, TimeUnit.MILLISECONDS)
                .build());
        authentication.configureHttpClient(clientBuilder);
    }

    @Override
    public String toString() {
        return "ClevertapClient[" + authentication + "]";
    }
}
