package io.github.camellark.lark.bench;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.LongAdder;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import com.lark.oapi.ws.Client;

/** The SDK's long-connection client ({@code com.lark.oapi.ws.Client}) with a no-op message handler. */
final class SdkWsReceiver implements AutoCloseable {

    final LongAdder handled = new LongAdder();
    private final Client client;

    SdkWsReceiver(URI stubBaseUri) {
        EventDispatcher dispatcher = EventDispatcher.newBuilder("", "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        handled.increment();
                    }
                })
                .build();
        client = new Client.Builder(BenchApp.APP_ID, BenchApp.APP_SECRET).eventHandler(dispatcher)
                .domain(stubBaseUri.toString()).autoReconnect(false).build();
        client.start();
    }

    /**
     * The SDK's client has no public stop: close its socket and its ping pool the way its
     * own code does, through the protected {@code disconnect()} and {@code executor}.
     */
    @Override
    public void close() throws Exception {
        Method disconnect = Client.class.getDeclaredMethod("disconnect");
        disconnect.setAccessible(true);
        disconnect.invoke(client);
        Field executor = Client.class.getDeclaredField("executor");
        executor.setAccessible(true);
        ((ExecutorService) executor.get(client)).shutdownNow();
    }
}
