package io.github.camellark.lark.bench;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.camellark.lark.LarkComponent;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * camel-lark as a user writes it: a route {@code direct:send -> lark:message}, fed through the direct endpoint's
 * asynchronous producer, so a send holds no thread while Lark answers.
 * <p>
 * Every send goes to one chat, which flow control would hold to 5 a second: the plain sender turns flow control off;
 * the flow-control sender keeps it on with limits far above what the stub can take, so it measures what flow control
 * costs when it does not limit.
 */
final class CamelSender implements SendHarness.AsyncClient, AutoCloseable {

    private final CamelContext context;
    private final Endpoint entry;
    private final AsyncProducer producer;

    /** Limits that never bind: the cost of counting, without waiting. */
    private static final String NOT_LIMITING = "&appRateLimitPerSecond=100000000&appRateLimitPerMinute=2000000000"
                                               + "&receiverRateLimitPerSecond=100000000";

    CamelSender(URI baseUri) throws Exception {
        this(baseUri, false);
    }

    CamelSender(URI baseUri, boolean flowControl) throws Exception {
        context = new DefaultCamelContext();
        LarkComponent lark = new LarkComponent();
        lark.getConfiguration().setAppId(BenchApp.APP_ID);
        lark.getConfiguration().setAppSecret(BenchApp.APP_SECRET);
        lark.getConfiguration().setBaseUri(baseUri.toString());
        context.addComponent("lark", lark);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("send").to("lark:message?receiveIdType=chat_id&receiveId=" + BenchApp.CHAT_ID
                                                       + (flowControl ? NOT_LIMITING : "&flowControl=false"));
            }
        });
        context.start();
        entry = context.getEndpoint("direct:send");
        producer = entry.createAsyncProducer();
        producer.start();
    }

    @Override
    public void send(int i, Consumer<Throwable> done) {
        Exchange exchange = entry.createExchange();
        exchange.getMessage().setBody(BenchApp.text(i));
        producer.process(exchange, doneSync -> done.accept(exchange.getException()));
    }

    /** One send on the calling thread, for the start-up measurement. */
    void sendAndWait(int i) throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        send(i, outcome::complete);
        Throwable failure = outcome.get();
        if (failure != null) {
            throw new IllegalStateException("first send failed", failure);
        }
    }

    @Override
    public void close() throws Exception {
        producer.stop();
        context.close();
    }
}
