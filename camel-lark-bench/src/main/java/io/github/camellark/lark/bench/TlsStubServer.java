package io.github.camellark.lark.bench;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.VertxBuilder;
import io.vertx.core.impl.VertxThread;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.spi.VertxThreadFactory;

/**
 * The HTTPS Lark of the send section: a Vert.x HTTPS server (its own Vert.x, one event loop, HTTP/1.1 only, no ALPN)
 * behind the run's self-signed certificate, answering the token and message POSTs with the very bytes of
 * {@link StubLarkServer}. Its threads carry the stub's name prefix, so the meters leave them out as load side.
 */
final class TlsStubServer implements AutoCloseable {

    private static final String MESSAGES_PATH = "/open-apis/im/v1/messages";
    private static final String AUTH_PREFIX = "/open-apis/auth/v3/";
    private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json; charset=utf-8");
    private static final CharSequence LOG_ID = HttpHeaders.createOptimized("X-Tt-Logid");
    private static final CharSequence LOG_ID_VALUE = HttpHeaders.createOptimized(StubLarkServer.LOG_ID);

    final LongAdder tokenRequests = new LongAdder();
    final LongAdder messageRequests = new LongAdder();

    private final Buffer messageReply = Buffer.buffer(StubLarkServer.MESSAGE_REPLY);
    private final Buffer tokenReply = Buffer.buffer(StubLarkServer.TOKEN_REPLY);
    private final Vertx vertx;
    private final HttpServer server;

    TlsStubServer(TlsCertificate certificate) throws Exception {
        // the internal builder is the only way to name Vert.x's threads in 4.5; the name keeps them out of the meters
        vertx = new VertxBuilder(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1))
                .threadFactory(new StubThreads()).init().vertx();
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0).setSsl(true).setUseAlpn(false)
                .setKeyCertOptions(new PfxOptions().setPath(certificate.keyStore().toString()).setPassword(TlsCertificate.PASSWORD));
        server = vertx.createHttpServer(options).requestHandler(this::answer).listen()
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    URI baseUri() {
        return URI.create("https://127.0.0.1:" + server.actualPort());
    }

    private void answer(HttpServerRequest request) {
        String path = request.path();
        boolean post = request.method() == HttpMethod.POST;
        // the body is read to its end and dropped, as StubLarkServer does
        request.end().onComplete(ended -> {
            if (post && path.equals(MESSAGES_PATH)) {
                messageRequests.increment();
                reply(request, messageReply);
            } else if (post && path.startsWith(AUTH_PREFIX)) {
                tokenRequests.increment();
                reply(request, tokenReply);
            } else {
                request.response().setStatusCode(404).end();
            }
        });
    }

    private static void reply(HttpServerRequest request, Buffer body) {
        request.response().putHeader(CONTENT_TYPE, JSON).putHeader(LOG_ID, LOG_ID_VALUE).end(body);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Vert.x's threads, renamed with the stub's prefix. */
    private static final class StubThreads implements VertxThreadFactory {
        @Override
        public VertxThread newVertxThread(Runnable target, String name, boolean worker, long maxExecTime, TimeUnit maxExecTimeUnit) {
            return new VertxThread(target, StubLarkServer.THREAD_NAME_PREFIX + "tls-" + name, worker, maxExecTime, maxExecTimeUnit);
        }
    }
}
