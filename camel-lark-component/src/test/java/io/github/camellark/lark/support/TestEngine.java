package io.github.camellark.lark.support;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.client.LarkClient;
import io.github.camellark.lark.client.TokenProvider;
import io.github.camellark.lark.client.http.FrameSocket;
import io.github.camellark.lark.client.http.HttpCall;
import io.github.camellark.lark.client.http.HttpReply;
import io.github.camellark.lark.client.http.HttpTransport;
import io.github.camellark.lark.client.http.SocketRequest;
import io.github.camellark.lark.client.vertx.TransportSettings;
import io.github.camellark.lark.client.vertx.VertxEngine;

/**
 * The transport port on a Vert.x engine of its own, for tests of the client layer without Camel. Close it after the test:
 * it releases the Vert.x instance and the worker threads.
 */
public final class TestEngine implements AutoCloseable {

    public static final LarkClient.RetryPolicy FAST_RETRIES = new LarkClient.RetryPolicy(3, Duration.ofSeconds(2),
            Duration.ofMillis(10));

    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final VertxEngine engine = VertxEngine.start(null, null, workers);
    private final HttpTransport transport = engine.transport(new TransportSettings(Duration.ofSeconds(5), null, null, null, null,
            16, 16 * 1024 * 1024));

    public HttpTransport transport() {
        return transport;
    }

    public ExecutorService workers() {
        return workers;
    }

    /** A client of {@code baseUri} with these tokens, retrying fast. */
    public LarkClient client(URI baseUri, TokenProvider tokens, HttpTransport through) {
        return client(baseUri, tokens, through, Duration.ofSeconds(5));
    }

    public LarkClient client(URI baseUri, TokenProvider tokens, HttpTransport through, Duration requestTimeout) {
        return new LarkClient(through, baseUri, tokens, new ObjectMapper(), workers, requestTimeout, FAST_RETRIES);
    }

    @Override
    public void close() {
        engine.close();
        workers.shutdownNow();
    }

    /** A transport that runs scheduled tasks at once, remembering the waits asked for. */
    public static final class RecordingTimers implements HttpTransport {
        public final List<Duration> delays = new CopyOnWriteArrayList<>();
        private final HttpTransport delegate;

        public RecordingTimers(HttpTransport delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableFuture<HttpReply> exchange(HttpCall call) {
            return delegate.exchange(call);
        }

        @Override
        public CompletableFuture<FrameSocket> dial(SocketRequest request, FrameSocket.Listener listener) {
            return delegate.dial(request, listener);
        }

        @Override
        public Timer schedule(long delayMillis, Runnable task) {
            delays.add(Duration.ofMillis(delayMillis));
            return delegate.schedule(0, task);
        }
    }
}
