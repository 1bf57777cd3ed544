package io.github.camellark.lark.client.vertx;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.github.camellark.lark.client.http.FrameSocket;
import io.github.camellark.lark.client.http.HandshakeRefusedException;
import io.github.camellark.lark.client.http.Headers;
import io.github.camellark.lark.client.http.HttpCall;
import io.github.camellark.lark.client.http.HttpReply;
import io.github.camellark.lark.client.http.HttpTransport;
import io.github.camellark.lark.client.http.RequestBody;
import io.github.camellark.lark.client.http.SocketRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * The {@link HttpTransport} on Vert.x core: one pooled, keep-alive {@link HttpClient} and one {@link WebSocketClient} per
 * set of connection settings. Replies complete on Vert.x event-loop threads; reading an upload's source (a file, a user's
 * InputStream) happens on {@code blocking}, never on an event loop.
 */
public final class VertxHttpTransport implements HttpTransport, AutoCloseable {

    private final Vertx vertx;
    private final HttpClient http;
    private final WebSocketClient webSockets;
    private final Executor blocking;

    VertxHttpTransport(Vertx vertx, HttpClient http, WebSocketClient webSockets, Executor blocking) {
        this.vertx = vertx;
        this.http = http;
        this.webSockets = webSockets;
        this.blocking = blocking;
    }

    @Override
    public CompletableFuture<HttpReply> exchange(HttpCall call) {
        CompletableFuture<HttpReply> result = new CompletableFuture<>();
        RequestOptions options = target(call.uri()).setMethod(HttpMethod.valueOf(call.method()));
        for (Map.Entry<String, String> header : call.headers()) {
            options.addHeader(HeaderNames.of(header.getKey()), header.getValue());
        }
        long timeoutMillis = Math.max(1, call.timeout().toMillis());
        long timer = vertx.setTimer(timeoutMillis, id -> result.completeExceptionally(
                new SocketTimeoutException("no reply within " + timeoutMillis + " ms (requestTimeout)")));
        result.whenComplete((reply, failure) -> vertx.cancelTimer(timer));
        http.request(options).onComplete(opened -> {
            if (opened.failed()) {
                result.completeExceptionally(NetworkErrors.io(opened.cause()));
                return;
            }
            HttpClientRequest request = opened.result();
            // a timed-out or failed exchange must not leave the request running
            result.whenComplete((reply, failure) -> {
                if (failure != null) {
                    request.reset(0, failure);
                }
            });
            request.response().onComplete(answered -> {
                if (answered.failed()) {
                    result.completeExceptionally(NetworkErrors.io(answered.cause()));
                } else {
                    read(call, answered.result(), result);
                }
            });
            write(call.body(), request, result);
        });
        return result;
    }

    private void read(HttpCall call, HttpClientResponse response, CompletableFuture<HttpReply> result) {
        Headers headers = headers(response.headers());
        if (call.streamWhen().test(new HttpCall.ReplyHead(response.statusCode(), headers))) {
            ConnectionInputStream stream = new ConnectionInputStream(response, Vertx.currentContext());
            if (!result.complete(new HttpReply(response.statusCode(), headers, null, stream))) {
                stream.close();
            }
            return;
        }
        response.body().onComplete(body -> {
            if (body.failed()) {
                result.completeExceptionally(NetworkErrors.io(body.cause()));
            } else {
                result.complete(new HttpReply(response.statusCode(), headers, body.result().getBytes(), null));
            }
        });
    }

    private void write(RequestBody body, HttpClientRequest request, CompletableFuture<HttpReply> result) {
        if (body == null) {
            request.end();
            return;
        }
        request.putHeader(HeaderNames.CONTENT_TYPE, body.contentType());
        if (body instanceof RequestBody.Bytes bytes) {
            request.end(Buffer.buffer(bytes.bytes()));
            return;
        }
        if (body.length() >= 0) {
            request.putHeader(HeaderNames.CONTENT_LENGTH, Long.toString(body.length()));
        } else {
            request.setChunked(true);
        }
        new BodyPump(body, request, Vertx.currentContext(), blocking, failure -> {
            result.completeExceptionally(failure);
            request.reset(0, failure);
        }).start();
    }

    @Override
    public CompletableFuture<FrameSocket> dial(SocketRequest target, FrameSocket.Listener listener) {
        CompletableFuture<FrameSocket> result = new CompletableFuture<>();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setAbsoluteURI(target.uri().toString())
                .setTimeout(Math.max(1, target.connectTimeout().toMillis()));
        webSockets.connect(options).onComplete(connected -> {
            if (connected.succeeded()) {
                if (!result.complete(new VertxFrameSocket(connected.result(), listener))) {
                    connected.result().close();
                }
            } else if (connected.cause() instanceof UpgradeRejectedException rejected) {
                result.completeExceptionally(new HandshakeRefusedException(target.description(), rejected.getStatus(),
                        headers(rejected.getHeaders())));
            } else {
                result.completeExceptionally(NetworkErrors.io(connected.cause()));
            }
        });
        return result;
    }

    @Override
    public Timer schedule(long delayMillis, Runnable task) {
        long id = vertx.setTimer(Math.max(1, delayMillis), ignored -> task.run());
        return () -> vertx.cancelTimer(id);
    }

    /** Closes the clients and their connections (not the Vert.x instance, which {@link VertxEngine} owns). */
    @Override
    public void close() {
        http.close();
        webSockets.close();
    }

    /** The request's target from the parsed URI: Vert.x would parse its string form again (as a java.net.URL). */
    private static RequestOptions target(java.net.URI uri) {
        boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : ssl ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new RequestOptions().setHost(uri.getHost()).setPort(port).setSsl(ssl)
                .setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
    }

    /** Vert.x's own header map, already case-insensitive: read in place instead of copied for every reply. */
    static Headers headers(MultiMap headers) {
        return headers == null ? Headers.EMPTY : new VertxHeaders(headers);
    }

    private record VertxHeaders(MultiMap map) implements Headers {
        @Override
        public String first(String name) {
            return map.get(name);
        }

        /** The header names, which may be printed; values may hold credentials and are not. */
        @Override
        public String toString() {
            return "Headers" + map.names();
        }
    }

    /** The engine's own failures as IOExceptions, so that retry rules can tell network trouble from everything else. */
    static final class NetworkErrors {
        private NetworkErrors() {
        }

        static Throwable io(Throwable failure) {
            if (failure instanceof IOException || failure instanceof IllegalArgumentException) {
                return failure;
            }
            return new IOException(failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage()),
                    failure);
        }
    }
}
