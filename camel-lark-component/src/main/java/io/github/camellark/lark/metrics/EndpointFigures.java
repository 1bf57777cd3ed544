package io.github.camellark.lark.metrics;

import io.github.camellark.lark.client.CallStatistics;

/** What a {@code lark:} endpoint shows as meters; the endpoint implements it, so this package needs no endpoint class. */
public interface EndpointFigures {

    /** The figures of the endpoint's calls. */
    CallStatistics statistics();

    long getTokenFetchCount();

    long getFlowControlRefusedCount();

    long getThrottledByLarkCount();

    int getFlowControlQueued();
}
