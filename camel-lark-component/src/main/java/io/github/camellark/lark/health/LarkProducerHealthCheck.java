package io.github.camellark.lark.health;

import java.util.Map;

import io.github.camellark.lark.LarkEndpoint;
import io.github.camellark.lark.client.flow.FlowControl;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Health of a {@code lark:} producer, in Camel's {@code producers} health-check repository (enable it with
 * {@code camel.health.producersEnabled=true}). It is UP while the component runs: calls that wait for their place under
 * the rate limits are flow control doing its job, not a failure. The details show how close the app is to its limits
 * ({@code lark.flowControl.saturation}, the places used per second and per minute, the calls waiting) and what the
 * endpoint's calls came to.
 */
public final class LarkProducerHealthCheck extends LarkHealthCheck {

    private final LarkEndpoint endpoint;

    public LarkProducerHealthCheck(String id, LarkEndpoint endpoint) {
        super(id);
        this.endpoint = endpoint;
    }

    @Override
    void check(HealthCheckResultBuilder builder, Map<String, Object> options) {
        FlowControl flow = endpoint.flowControl();
        builder.detail("lark.flowControl", flow != null);
        if (flow != null) {
            Map<String, Object> saturation = flow.saturation();
            builder.details(saturation);
            int queued = flow.queued();
            if (queued > 0) {
                builder.message("Lark rate limits reached: " + queued + " calls wait for their place ("
                                + saturation.get("lark.flowControl.appPerSecond") + " a second)");
            }
        }
        builder.detail("lark.calls", endpoint.getCallCount())
                .detail("lark.callsFailed", endpoint.getCallFailedCount())
                .detail("lark.rateLimitWaits", endpoint.getRateLimitWaitCount());
        builder.up();
    }
}
