package io.github.camellark.lark.health;

import java.util.Map;
import java.util.function.Supplier;

import io.github.camellark.lark.client.CallStatistics;
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

    private final CallStatistics calls;
    private final Supplier<FlowControl> flowControl;

    /**
     * @param calls       the figures of the endpoint's calls
     * @param flowControl the flow control the endpoint's calls go through now; null when it has none
     */
    public LarkProducerHealthCheck(String id, CallStatistics calls, Supplier<FlowControl> flowControl) {
        super(id);
        this.calls = calls;
        this.flowControl = flowControl;
    }

    @Override
    void check(HealthCheckResultBuilder builder, Map<String, Object> options) {
        FlowControl flow = flowControl.get();
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
        builder.detail("lark.calls", calls.calls())
                .detail("lark.callsFailed", calls.failed())
                .detail("lark.rateLimitWaits", calls.rateLimitWaits());
        builder.up();
    }
}
