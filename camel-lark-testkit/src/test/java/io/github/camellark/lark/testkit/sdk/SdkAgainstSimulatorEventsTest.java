package io.github.camellark.lark.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import com.lark.oapi.ws.Client;
import com.lark.oapi.ws.SdkClientStopper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.ws.ClientConfig;

/** The SDK's WebSocket client pointed at the simulator's base URI: discovery, connection and a user typing. */
class SdkAgainstSimulatorEventsTest {

    private final List<P2MessageReceiveV1> received = new CopyOnWriteArrayList<>();
    private final LarkSimulator sim = LarkSimulator.start();
    private Client sdk;

    @AfterEach
    void stop() {
        if (sdk != null) {
            SdkClientStopper.stop(sdk);
        }
        sim.close();
    }

    @Test
    void aUserTypingReachesTheSdkClientOverTheLongConnection() {
        sim.longConnection().clientConfig(new ClientConfig(-1, 1, 0, 1));
        EventDispatcher dispatcher = EventDispatcher.newBuilder("", "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        received.add(event);
                    }
                }).build();
        sdk = new Client.Builder(sim.appId(), sim.appSecret()).eventHandler(dispatcher).domain(sim.baseUri()).build();
        sdk.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.longConnection().openConnections().size() == 1);
        SimUser alice = sim.createUser("Alice");
        SimChat room = sim.createChat("ops-room", alice);

        SimMessage message = sim.userSays(alice, room, "hi from the simulator");

        await().until(() -> received.size() == 1);
        assertThat(received.get(0).getEvent().getMessage().getMessageId()).isEqualTo(message.messageId());
        assertThat(received.get(0).getHeader().getAppId()).isEqualTo(sim.appId());
        await().until(() -> sim.longConnection().deliveries().get(0).isDelivered());
        assertThat(sim.journal().count("POST", "/callback/ws/endpoint")).isEqualTo(1);
    }
}
