package io.github.camellark.lark.event.ws;

import io.github.camellark.lark.LarkEndpoint;
import io.github.camellark.lark.event.EventPipeline;
import io.github.camellark.lark.event.EventTransport;

/**
 * PLACEHOLDER, replaced at merge by the WebSocket long-connection transport (issue 7). It exists so that
 * {@code LarkEventsConsumer} compiles on the webhook branch; starting it fails with a clear message.
 */
public final class WebSocketTransport implements EventTransport {

    private final LarkEndpoint endpoint;

    public WebSocketTransport(LarkEndpoint endpoint, EventPipeline pipeline) {
        this.endpoint = endpoint;
    }

    @Override
    public void start() throws Exception {
        throw new UnsupportedOperationException("transport=websocket is not available in this build of " + endpoint.getEndpointBaseUri()
                                                + "; use transport=webhook");
    }

    @Override
    public void stop() throws Exception {
        // nothing was started
    }
}
