package io.github.camellark.lark.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.LongAdder;

import io.github.camellark.lark.LarkComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * {@code lark:events} into a no-op route, as a user writes it: over the webhook transport (served by Camel's HTTP
 * platform on Vert.x, as camel-platform-http-main does) or over the long connection (the default transport).
 */
final class CamelEventsReceiver implements AutoCloseable {

    static final String WEBHOOK_PATH = "/lark/events";

    final LongAdder routed = new LongAdder();
    private final CamelContext context = new DefaultCamelContext();
    private int port;

    private CamelEventsReceiver() {
    }

    static CamelEventsReceiver webhook() throws Exception {
        CamelEventsReceiver receiver = new CamelEventsReceiver();
        receiver.port = freePort();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(receiver.port);
        receiver.context.addService(new VertxPlatformHttpServer(server));
        receiver.start("lark:events?transport=webhook&webhookPath=" + WEBHOOK_PATH + "&encryptKey=RAW(" + BenchApp.ENCRYPT_KEY
                + ")&verificationToken=RAW(" + BenchApp.VERIFICATION_TOKEN + ")", null);
        return receiver;
    }

    /** Over the long connection: discovery at the stub, which points the connection at the benchmark's WebSocket server. */
    static CamelEventsReceiver webSocket(URI stubBaseUri) throws Exception {
        CamelEventsReceiver receiver = new CamelEventsReceiver();
        receiver.start("lark:events", stubBaseUri);
        return receiver;
    }

    URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + port + WEBHOOK_PATH);
    }

    private void start(String uri, URI baseUri) throws Exception {
        LarkComponent lark = new LarkComponent();
        lark.getConfiguration().setAppId(BenchApp.APP_ID);
        lark.getConfiguration().setAppSecret(BenchApp.APP_SECRET);
        if (baseUri != null) {
            lark.getConfiguration().setBaseUri(baseUri.toString());
        }
        context.addComponent("lark", lark);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("events").process(exchange -> routed.increment());
            }
        });
        context.start();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        context.close();
    }
}
