package org.disassociate.clevertap.operations;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.disassociate.clevertap.model.Batch;
import org.disassociate.clevertap.model.Variables;

/**
 * Each request to CleverTap counted, timed and traced from Camel's own events, so that the route that sends it
 * (call-clevertap) holds only what the request needs: Camel tells when an exchange is being sent to an endpoint, and
 * when it has been sent (with CleverTap's answer, or the failure of the call). A request is a send of a batch (the
 * variable {@code batch}) to an HTTP endpoint of CleverTap's path, {@code /1/disassociate}.
 */
public class ApiRequestEvents extends EventNotifierSupport {

    private static final String PATH = "/1/disassociate";

    private final ServiceMetrics metrics;
    private final Traces traces;

    public ApiRequestEvents(ServiceMetrics metrics, Traces traces) {
        this.metrics = metrics;
        this.traces = traces;
        // only the sends: Camel makes no other event for this notifier
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSendingEvent || event instanceof ExchangeSentEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSendingEvent sending && isRequest(sending.getEndpoint(), sending.getExchange())) {
            Exchange exchange = sending.getExchange();
            Batch batch = exchange.getVariable(Variables.BATCH, Batch.class);
            Integer redelivery = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
            metrics.requestStarted(exchange, batch, redelivery);
            traces.requestStarted(exchange);
        } else if (event instanceof ExchangeSentEvent sent && isRequest(sent.getEndpoint(), sent.getExchange())) {
            Exchange exchange = sent.getExchange();
            Batch batch = exchange.getVariable(Variables.BATCH, Batch.class);
            Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            metrics.requestEnded(exchange, batch, status);
            traces.requestEnded(exchange);
        }
    }

    private static boolean isRequest(Endpoint endpoint, Exchange exchange) {
        String uri = endpoint.getEndpointBaseUri();
        return uri.startsWith("http") && uri.endsWith(PATH) && exchange.getVariable(Variables.BATCH) != null;
    }
}
