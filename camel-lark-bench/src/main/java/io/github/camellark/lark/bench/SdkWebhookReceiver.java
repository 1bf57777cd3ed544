package io.github.camellark.lark.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.lark.oapi.core.request.EventReq;
import com.lark.oapi.core.response.EventResp;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.handler.BodyHandler;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The SDK's webhook side: {@code EventDispatcher.handle(EventReq)} (decrypt, signature check, typed dispatch) behind
 * the same HTTP server camel-lark is measured on (Vert.x, as Camel's HTTP platform runs it), doing the servlet-free
 * glue its adaptors do: headers and raw body in, status and body out. Three ways to host it (see {@link Hosting}): on
 * a bare Vert.x HTTP server right on the event loop (fine for a no-op handler, but the SDK's handlers are synchronous,
 * so real ones would block the loop) or on Vert.x's worker pool ({@code executeBlocking}); or, on its event loop too,
 * on the very server camel-lark's webhook runs on: Camel's Vert.x HTTP platform, with its router and body handler.
 */
final class SdkWebhookReceiver implements AutoCloseable {

    /** How the dispatcher is hosted. */
    enum Hosting {
        /** A bare Vert.x HTTP server, the dispatcher right on its event loop. */
        EVENT_LOOP,
        /** A bare Vert.x HTTP server, the dispatcher on Vert.x's worker pool. */
        WORKER,
        /**
         * The server camel-lark's webhook is measured on: Camel's Vert.x HTTP platform (router and body handler), the
         * dispatcher on its event loop.
         */
        PLATFORM_ROUTER
    }

    final LongAdder handled = new LongAdder();
    private final EventDispatcher dispatcher;
    private final Vertx vertx;
    private final HttpServer server;
    private final CamelContext platform;
    private final int port;

    private final boolean onWorker;

    SdkWebhookReceiver(Hosting hosting) throws Exception {
        this.onWorker = hosting == Hosting.WORKER;
        dispatcher = EventDispatcher.newBuilder(BenchApp.VERIFICATION_TOKEN, BenchApp.ENCRYPT_KEY)
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        handled.increment();
                    }
                })
                .build();
        if (hosting == Hosting.PLATFORM_ROUTER) {
            vertx = null;
            server = null;
            port = CamelEventsReceiver.freePort();
            platform = new DefaultCamelContext();
            VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
            configuration.setBindHost("127.0.0.1");
            configuration.setBindPort(port);
            platform.addService(new VertxPlatformHttpServer(configuration));
            platform.start();
            VertxPlatformHttpRouter router = platform.getRegistry().findByType(VertxPlatformHttpRouter.class).stream()
                    .filter(r -> !r.isManagementServer()).findFirst().orElseThrow();
            router.route(HttpMethod.POST, CamelEventsReceiver.WEBHOOK_PATH).handler(BodyHandler.create(false))
                    .handler(routing -> dispatch(routing.request(), routing.body().buffer()));
        } else {
            platform = null;
            vertx = Vertx.vertx();
            server = vertx.createHttpServer().requestHandler(this::serve).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            port = server.actualPort();
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + CamelEventsReceiver.WEBHOOK_PATH);
    }

    private void serve(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            if (onWorker) {
                vertx.executeBlocking(() -> {
                    dispatch(request, body);
                    return null;
                }, false);
            } else {
                dispatch(request, body);
            }
        });
    }

    private void dispatch(HttpServerRequest request, Buffer body) {
        EventReq event = new EventReq();
        // EventReq looks headers up by lower-cased name, as its servlet adaptor stores them
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(h.getValue()));
        event.setHeaders(headers);
        event.setBody(body.getBytes());
        event.setHttpPath(request.path());
        EventResp response;
        try {
            response = dispatcher.handle(event);
        } catch (Throwable e) {
            request.response().setStatusCode(500).end("{\"msg\":\"" + e.getClass().getSimpleName() + "\"}");
            return;
        }
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> values.forEach(v -> request.response().headers().add(name, v)));
        }
        byte[] reply = response.getBody() == null ? new byte[0] : response.getBody();
        request.response().setStatusCode(response.getStatusCode()).end(Buffer.buffer(reply));
    }

    @Override
    public void close() throws Exception {
        if (platform != null) {
            platform.close();
        } else {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
