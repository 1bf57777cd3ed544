package io.github.camellark.lark.testkit.ws;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * Serves {@code POST /callback/ws/endpoint} for a {@link LongConnectionServer} on its own loopback port, for use
 * without the full simulator. Point a client's domain / base URI at {@link #baseUri()}.
 */
public final class DiscoveryHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "testkit-ws-discovery");
        thread.setDaemon(true);
        return thread;
    });

    public DiscoveryHttpServer(LongConnectionServer longConnection) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(LongConnectionServer.ENDPOINT_PATH, exchange -> {
            try (exchange) {
                HttpReply reply = "POST".equals(exchange.getRequestMethod())
                        ? longConnection.discover(exchange.getRequestBody().readAllBytes())
                        : LongConnectionServer.discoveryError(405, 405, "method not allowed");
                byte[] body = reply.bodyBytes();
                exchange.getResponseHeaders().add("Content-Type", reply.contentType());
                exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}: the "domain" a Lark client is configured with. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
