package io.github.camellark.lark;

import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.client.LarkClient;
import io.github.camellark.lark.health.LarkProducerHealthCheck;
import io.github.camellark.lark.operation.LarkOperation;
import io.github.camellark.lark.producer.LarkCall;
import io.github.camellark.lark.producer.LarkParam;
import io.github.camellark.lark.producer.ResourceHandler;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.util.URISupport;

/**
 * Non-blocking producer: hands the exchange to its resource's handler and completes the exchange when Lark has answered.
 * Invalid input fails synchronously, before any HTTP call; every other outcome ends in exactly one
 * {@code callback.done(false)}, with errors set on the exchange.
 */
public class LarkProducer extends DefaultAsyncProducer {

    private final LarkEndpoint endpoint;
    private final ResourceHandler<?> handler;
    private WritableHealthCheckRepository healthChecks;
    private LarkProducerHealthCheck healthCheck;

    public LarkProducer(LarkEndpoint endpoint, ResourceHandler<?> handler) {
        super(endpoint);
        this.endpoint = endpoint;
        this.handler = handler;
    }

    /** Camel's default shows the URI through its own sanitizer, which misses some Lark secrets: the endpoint masks them all. */
    @Override
    public String toString() {
        return "Producer[" + endpoint + "]";
    }

    /** Set-up errors surface when the route starts, not on the first message. */
    @Override
    protected void doStart() throws Exception {
        AppCredentials.requireForProducer(endpoint);
        LarkParam.checkConfigured(endpoint.getConfiguration());
        super.doStart();
        // Camel's producers health-check repository, when there is one (camel-health) and it is enabled
        healthChecks = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            healthCheck = new LarkProducerHealthCheck("producer:" + URISupport.sanitizeUri(endpoint.getEndpointUri()),
                    endpoint.statistics(), endpoint::flowControl);
            healthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Void> work;
        try {
            String requested = exchange.getMessage().getHeader(LarkConstants.OPERATION, String.class);
            // the header may name another operation of the resource, checked like the option
            LarkOperation operation = requested != null && !requested.isBlank() ? endpoint.resource().operation(requested) : endpoint.operation();
            work = handler.dispatch(new LarkCall(exchange, operation, endpoint.getConfiguration(), endpoint.client()));
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        work.whenComplete((ignored, failure) -> {
            if (failure != null) {
                exchange.setException(LarkClient.unwrap(failure));
            }
            callback.done(false);
        });
        return false;
    }
}
