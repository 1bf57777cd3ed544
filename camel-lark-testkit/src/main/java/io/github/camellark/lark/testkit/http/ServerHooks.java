package io.github.camellark.lark.testkit.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the HTTP server asks of the rest of the simulator: faults to apply, who the caller is,
 * and where to record each exchange. Kept as one small interface so the server knows nothing of
 * Lark's state.
 */
public interface ServerHooks {

    /** The fault to apply to this request, or {@code null} to answer normally. */
    FaultAction faultFor(SimRequest request);

    /** Checks the Authorization header; returns the caller or throws {@link LarkError}. */
    Object authenticate(SimRequest request);

    /**
     * Called once per request after it was answered (or dropped: {@code status} 0).
     *
     * @param responseJson the JSON reply, or {@code null} for binary replies and dropped connections
     */
    void exchanged(SimRequest request, int status, JsonNode responseJson);
}
