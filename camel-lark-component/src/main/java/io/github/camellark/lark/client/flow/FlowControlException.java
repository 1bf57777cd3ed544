package io.github.camellark.lark.client.flow;

import org.apache.camel.RuntimeCamelException;

/**
 * A call to Lark did not get its place under the app's or the receiver's rate limit in time (flowControlMaxWait), or
 * too many calls were already waiting (flowControlMaxQueued). Nothing was sent: the call can be tried again later.
 */
public class FlowControlException extends RuntimeCamelException {

    private final String limitKey;

    public FlowControlException(String message, String limitKey) {
        super(message);
        this.limitKey = limitKey;
    }

    /** Whose limit it was: {@code app cli_...} or {@code receiver oc_...}. */
    public String getLimitKey() {
        return limitKey;
    }
}
