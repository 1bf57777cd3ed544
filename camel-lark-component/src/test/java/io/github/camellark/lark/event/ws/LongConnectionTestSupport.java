package io.github.camellark.lark.event.ws;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camellark.lark.LarkEndpoint;
import io.github.camellark.lark.event.ConnectionStatus;
import io.github.camellark.lark.health.LarkConsumerHealthCheck;
import io.github.camellark.lark.testkit.camel.SimulatorSetup;
import io.github.camellark.lark.testkit.events.AppIdentity;
import io.github.camellark.lark.testkit.events.LarkEvents;
import io.github.camellark.lark.testkit.ws.ClientConfig;
import io.github.camellark.lark.testkit.ws.DiscoveryHttpServer;
import io.github.camellark.lark.testkit.ws.LongConnectionServer;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

import static org.awaitility.Awaitility.await;

/**
 * The simulator's long-connection side (discovery + WebSocket, 127.0.0.1) and a Camel context whose {@code lark}
 * component points at it. Fast server settings: ping every second, reconnect jitter under a second.
 */
abstract class LongConnectionTestSupport extends CamelTestSupport {

    static final String APP_ID = "cli_a5c3ws0test00001";
    static final String APP_SECRET = "ws-app-secret-never-logged-0001";
    /** The simulator's ClientConfig: forever, interval 1 s, nonce 1 s, ping 1 s. */
    static final ClientConfig FAST = new ClientConfig(-1, 1, 1, 1);

    protected LongConnectionServer larkWs;
    protected DiscoveryHttpServer discovery;
    protected final LarkEvents events = new LarkEvents(new AppIdentity(APP_ID, "2ed263bf32cf1651", "verification-token-1"));
    protected final List<Throwable> reported = new CopyOnWriteArrayList<>();
    protected final ExceptionHandler recordingHandler = recording(reported);

    private final List<WebSocketTransport> transports = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopLarkLongConnection() {
        transports.forEach(WebSocketTransport::stop);
        if (discovery != null) {
            discovery.close();
        }
        if (larkWs != null) {
            larkWs.close();
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        // CamelTestSupport creates the context before any @BeforeEach: start Lark's side here
        larkWs = new LongConnectionServer().start().credentials(APP_ID, APP_SECRET).clientConfig(FAST);
        discovery = new DiscoveryHttpServer(larkWs);
        CamelContext context = super.createCamelContext();
        SimulatorSetup.configure(context.getComponent("lark"), SimulatorSetup.componentOptions(discovery.baseUri().toString(), APP_ID, APP_SECRET));
        return context;
    }

    /** A started transport on {@code lark:events?<options>} feeding the pipeline. */
    protected WebSocketTransport startTransport(String options, RecordingPipeline pipeline) {
        LarkEndpoint endpoint = context.getEndpoint("lark:events" + (options.isEmpty() ? "" : "?" + options), LarkEndpoint.class);
        endpoint.start();
        WebSocketTransport transport = new WebSocketTransport(LongConnectionSettings.of(endpoint.getConfiguration()),
                endpoint.transport(), endpoint.discoveryClient(), pipeline, context);
        transport.setExceptionHandler(recordingHandler);
        transports.add(transport);
        transport.start();
        return transport;
    }

    /** An exception handler that keeps what it is told in {@code errors}. */
    protected static ExceptionHandler recording(List<Throwable> errors) {
        return new ExceptionHandler() {
            public void handleException(Throwable exception) {
                errors.add(exception);
            }

            public void handleException(String message, Throwable exception) {
                errors.add(exception);
            }

            public void handleException(String message, org.apache.camel.Exchange exchange, Throwable exception) {
                errors.add(exception);
            }
        };
    }

    /** The health check a consumer of this transport reports. */
    protected static LarkConsumerHealthCheck healthCheck(WebSocketTransport transport) {
        return new LarkConsumerHealthCheck("consumer:test", transport::status);
    }

    protected static void awaitConnected(WebSocketTransport transport) {
        await().atMost(Duration.ofSeconds(10)).until(() -> transport.status().state() == ConnectionStatus.State.CONNECTED);
    }
}
