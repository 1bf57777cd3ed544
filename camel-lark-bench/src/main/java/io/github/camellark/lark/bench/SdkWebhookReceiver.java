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
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * The SDK's webhook side: {@code EventDispatcher.handle(EventReq)} (decrypt, signature check, typed dispatch) behind
 * the same HTTP server camel-lark is measured on (Vert.x, as Camel's HTTP platform runs it), doing the servlet-free
 * glue its adaptors do: headers and raw body in, status and body out. Two ways to host it: right on the event loop,
 * the fastest (fine for a no-op handler, but the SDK's handlers are synchronous, so real ones would block the loop),
 * or on Vert.x's worker pool ({@code executeBlocking}), which is how Camel's HTTP platform runs a route.
 */
final class SdkWebhookReceiver implements AutoCloseable {

    final LongAdder handled = new LongAdder();
    private final EventDispatcher dispatcher;
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    private final boolean onWorker;

    SdkWebhookReceiver(boolean onWorker) throws Exception {
        this.onWorker = onWorker;
        dispatcher = EventDispatcher.newBuilder(BenchApp.VERIFICATION_TOKEN, BenchApp.ENCRYPT_KEY)
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        handled.increment();
                    }
                })
                .build();
        server = vertx.createHttpServer().requestHandler(this::serve).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.actualPort() + "/lark/events");
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
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
