package io.github.camellark.lark.client.flow;

import io.github.camellark.lark.client.http.Headers;

/**
 * A call's places under its limits, from the moment it is let through until Lark answers it; {@link #answered} hands
 * them back, with what Lark said about its limits.
 */
public final class Permit {

    /** For calls outside flow control (token fetches, custom bots, endpoints with flowControl=false). */
    public static final Permit NONE = new Permit(null, null, null, 0);

    private final FlowControl owner;
    private final Gate app;
    private final Gate receiver;
    private final long waitedNanos;

    Permit(FlowControl owner, Gate app, Gate receiver, long waitedNanos) {
        this.owner = owner;
        this.app = app;
        this.receiver = receiver;
        this.waitedNanos = waitedNanos;
    }

    /** How long the call waited for its places; 0 when it went through at once. */
    public long waitedNanos() {
        return waitedNanos;
    }

    /**
     * Lark answered (or the call failed): the places are held one more window from now. {@code headers} may be null (no
     * reply); {@code status} and {@code code} are those of the reply, 0 when there was none.
     */
    public void answered(Headers headers, int status, long code) {
        if (owner != null) {
            owner.answered(app, receiver, headers, status, code);
        }
    }
}
