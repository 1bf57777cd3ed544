package io.github.camellark.lark.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

import com.lark.oapi.core.request.EventReq;
import com.lark.oapi.core.response.EventResp;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The SDK's webhook side: {@code EventDispatcher.handle(EventReq)} (decrypt, signature check, typed dispatch) behind
 * the JDK's HTTP server, which is the servlet-free glue its adaptors do: headers and raw body in, status and body out.
 */
final class SdkWebhookReceiver implements AutoCloseable {

    final LongAdder handled = new LongAdder();
    private final EventDispatcher dispatcher;
    private final HttpServer server;
    private final ExecutorService pool;

    SdkWebhookReceiver(int threads) throws IOException {
        dispatcher = EventDispatcher.newBuilder(BenchApp.VERIFICATION_TOKEN, BenchApp.ENCRYPT_KEY)
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        handled.increment();
                    }
                })
                .build();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "sdk-webhook");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(pool);
        server.createContext("/lark/events", this::serve);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/lark/events");
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            EventReq request = new EventReq();
            // EventReq looks headers up by lower-cased name, as its servlet adaptor stores them
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            request.setHeaders(headers);
            try (InputStream in = exchange.getRequestBody()) {
                request.setBody(in.readAllBytes());
            }
            request.setHttpPath(exchange.getRequestURI().getPath());
            EventResp response;
            try {
                response = dispatcher.handle(request);
            } catch (Throwable e) {
                byte[] body = ("{\"msg\":\"" + e.getClass().getSimpleName() + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
            }
            byte[] body = response.getBody() == null ? new byte[0] : response.getBody();
            exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
