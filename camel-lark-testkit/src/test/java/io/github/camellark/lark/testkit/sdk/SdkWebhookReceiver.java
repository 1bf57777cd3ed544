package io.github.camellark.lark.testkit.sdk;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.lark.oapi.core.request.EventReq;
import com.lark.oapi.core.response.EventResp;
import com.lark.oapi.event.EventDispatcher;
import com.sun.net.httpserver.HttpServer;

/**
 * The official SDK's webhook entry ({@code EventDispatcher.handle}) behind a plain HTTP server: the same glue as the
 * SDK's servlet adapter, so the simulator's real HTTP pushes reach the SDK byte for byte.
 */
final class SdkWebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    SdkWebhookReceiver(EventDispatcher dispatcher) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            EventReq request = new EventReq();
            request.setBody(exchange.getRequestBody().readAllBytes());
            request.setHttpPath(exchange.getRequestURI().getPath());
            request.setHeaders(lowerCaseNames(exchange.getRequestHeaders()));
            EventResp response;
            try {
                response = dispatcher.handle(request);
            } catch (Throwable e) {
                response = new EventResp();
                response.setStatusCode(500);
                response.setBody(("{\"msg\":\"" + e.getClass().getSimpleName() + "\"}").getBytes());
            }
            byte[] body = response.getBody() == null ? new byte[0] : response.getBody();
            exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** {@code EventReq.getHeaderFirstValue} looks names up in lower case, as the SDK's servlet adapter stores them. */
    static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), values));
        return lower;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhook/event");
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
