package io.github.camellark.lark.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The ceiling of camel-lark's I/O engine: a bare Vert.x HttpClient doing the least work a Lark client can do per message
 * (one pre-fetched token, bodies encoded before the clock starts, only the status checked), on a Vert.x shaped like the
 * component's own (two event loops) with a keep-alive pool as large as the number of sends in flight. The gap between
 * this and camel-lark is what the component adds on top of its engine.
 */
final class BareVertxSender implements AutoCloseable {

    private static final String MESSAGES_URI = "/open-apis/im/v1/messages?receive_id_type=chat_id";
    private static final CharSequence AUTHORIZATION = HttpHeaders.createOptimized("Authorization");
    private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json; charset=utf-8");

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2)
            .setInternalBlockingPoolSize(2));
    private final String host;
    private final int port;
    private final boolean tls;
    private final byte[][] bodies;
    private final Map<Integer, HttpClient> pools = new HashMap<>();
    private final CharSequence authorization;

    /** @param messages how many distinct message bodies to pre-encode (message i uses body i modulo that) */
    BareVertxSender(URI baseUri, int messages) throws Exception {
        host = baseUri.getHost();
        port = baseUri.getPort();
        tls = baseUri.getScheme().equals("https");
        bodies = new byte[messages][];
        for (int i = 0; i < messages; i++) {
            bodies[i] = BenchApp.messageJson(i).getBytes(StandardCharsets.UTF_8);
        }
        String body = "{\"app_id\":\"" + BenchApp.APP_ID + "\",\"app_secret\":\"" + BenchApp.APP_SECRET + "\"}";
        String reply = pool(1).request(new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                        .setURI("/open-apis/auth/v3/tenant_access_token/internal").putHeader(CONTENT_TYPE, JSON))
                .compose(request -> request.send(body))
                .compose(response -> response.body())
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).toString(StandardCharsets.UTF_8);
        int start = reply.indexOf("\"tenant_access_token\":\"") + 23;
        authorization = HttpHeaders.createOptimized("Bearer " + reply.substring(start, reply.indexOf('"', start)));
    }

    /** The sender at {@code concurrency} sends in flight: its own pool of that many connections. */
    SendHarness.AsyncClient at(int concurrency) {
        HttpClient client = pool(concurrency);
        return (i, done) -> send(client, i, done);
    }

    private HttpClient pool(int size) {
        return pools.computeIfAbsent(size, ignored -> vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setSsl(tls).setDefaultHost(host).setDefaultPort(port)
                        // as camel-lark's engine: pooled buffers for the JDK TLS path
                        .setSslEngineOptions(new io.vertx.core.net.JdkSSLEngineOptions().setPooledHeapBuffers(true)),
                new PoolOptions().setHttp1MaxSize(size)));
    }

    private void send(HttpClient client, int i, Consumer<Throwable> done) {
        client.request(HttpMethod.POST, MESSAGES_URI).onComplete(opened -> {
            if (opened.failed()) {
                done.accept(opened.cause());
                return;
            }
            opened.result().putHeader(AUTHORIZATION, authorization).putHeader(CONTENT_TYPE, JSON)
                    .send(Buffer.buffer(bodies[i % bodies.length])).onComplete(answered -> {
                        if (answered.failed()) {
                            done.accept(answered.cause());
                            return;
                        }
                        int status = answered.result().statusCode();
                        answered.result().end().onComplete(ended -> done.accept(ended.failed() ? ended.cause()
                                : status == 200 ? null : new IllegalStateException("HTTP " + status)));
                    });
        });
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
