package io.github.camellark.lark.metrics;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.camellark.lark.client.CallStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.camel.CamelContext;
import org.apache.camel.util.URISupport;

/**
 * A {@code lark:} endpoint's figures as meters, tagged {@code app} and {@code endpoint}: see the Monitoring section of
 * the component page for their names. Only loaded when Micrometer is present.
 */
final class EndpointMeters {

    private EndpointMeters() {
    }

    static AutoCloseable bind(CamelContext context, String appId, String endpointUri, EndpointFigures endpoint) {
        MeterRegistry registry = Meters.registry(context);
        if (registry == null) {
            return () -> {
            };
        }
        Tags tags = Tags.of("app", String.valueOf(appId), "endpoint", URISupport.sanitizeUri(endpointUri));
        Meters meters = new Meters(registry, tags);
        CallStatistics calls = endpoint.statistics();
        meters.counter("lark.calls", "Calls to Lark (an exchange's call counts once, whatever its retries)", calls,
                CallStatistics::calls);
        meters.counter("lark.calls.succeeded", "Calls that succeeded", calls, CallStatistics::succeeded);
        meters.counter("lark.retries", "Attempts repeated after a rate limit, a 5xx, an I/O error or a renewed token", calls,
                CallStatistics::retries);
        meters.add(FunctionTimer.builder("lark.ratelimit.wait", calls, CallStatistics::rateLimitWaits,
                        CallStatistics::rateLimitWaitNanos, TimeUnit.NANOSECONDS)
                .description("Waits for a place under the rate limits (flow control): how many, and their total time")
                .tags(tags).register(registry));
        meters.counter("lark.token.fetches", "Token fetches of the app", endpoint, EndpointFigures::getTokenFetchCount);
        meters.counter("lark.flowcontrol.refused", "Calls of the app failed unsent by flow control", endpoint,
                EndpointFigures::getFlowControlRefusedCount);
        meters.counter("lark.throttled", "Replies in which Lark said the app or a receiver was over its rate limit", endpoint,
                EndpointFigures::getThrottledByLarkCount);
        meters.gauge("lark.flowcontrol.queued", "Calls of the app waiting for a place under the rate limits now", endpoint,
                EndpointFigures::getFlowControlQueued);
        Consumer<String> failures = code -> meters.add(FunctionCounter.builder("lark.calls.failed", calls, c -> c.failures(code))
                .description("Calls that failed after their retries, by Lark code (or network, flowControl, other)")
                .tags(tags.and("code", code)).register(registry));
        calls.onNewFailureCode(failures);
        return () -> {
            calls.removeNewFailureCodeListener(failures);
            meters.close();
        };
    }
}
