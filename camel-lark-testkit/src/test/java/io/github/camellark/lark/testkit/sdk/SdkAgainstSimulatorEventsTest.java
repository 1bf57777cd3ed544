package io.github.camellark.lark.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.event.cardcallback.P2CardActionTriggerHandler;
import com.lark.oapi.event.cardcallback.model.CallBackCard;
import com.lark.oapi.event.cardcallback.model.CallBackToast;
import com.lark.oapi.event.cardcallback.model.P2CardActionTrigger;
import com.lark.oapi.event.cardcallback.model.P2CardActionTriggerResponse;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import com.lark.oapi.ws.Client;
import com.lark.oapi.ws.SdkClientStopper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.events.CardClickReply;
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
        connectSdk(EventDispatcher.newBuilder("", "")
                .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                    @Override
                    public void handle(P2MessageReceiveV1 event) {
                        received.add(event);
                    }
                }).build());
        SimUser alice = sim.createUser("Alice");
        SimChat room = sim.createChat("ops-room", alice);

        SimMessage message = sim.userSays(alice, room, "hi from the simulator");

        await().until(() -> received.size() == 1);
        assertThat(received.get(0).getEvent().getMessage().getMessageId()).isEqualTo(message.messageId());
        assertThat(received.get(0).getHeader().getAppId()).isEqualTo(sim.appId());
        await().until(() -> sim.longConnection().deliveries().get(0).isDelivered());
        assertThat(sim.journal().count("POST", "/callback/ws/endpoint")).isEqualTo(1);
    }

    @Test
    void aClickAnsweredByTheSdkWithACardAndAToastUpdatesTheCardOverTheLongConnection() {
        connectSdk(EventDispatcher.newBuilder("", "")
                .onP2CardActionTrigger(new P2CardActionTriggerHandler() {
                    @Override
                    public P2CardActionTriggerResponse handle(P2CardActionTrigger event) {
                        CallBackToast toast = new CallBackToast();
                        toast.setType("success");
                        toast.setContent("Approved");
                        CallBackCard card = new CallBackCard();
                        card.setType("raw");
                        card.setData(Map.of("schema", "2.0",
                                "header", Map.of("title", Map.of("tag", "plain_text", "content", "Approved")),
                                "body", Map.of("elements", List.of())));
                        P2CardActionTriggerResponse response = new P2CardActionTriggerResponse();
                        response.setToast(toast);
                        response.setCard(card);
                        return response;
                    }
                }).build());
        SimUser bob = sim.createUser("Bob");
        SimChat room = sim.createChat("ops-room", bob);
        SimMessage card = sim.state().postMessage(room, sim.state().bot(), "interactive",
                "{\"schema\":\"2.0\",\"header\":{\"title\":{\"tag\":\"plain_text\",\"content\":\"Approval needed\"}},\"body\":{\"elements\":[]}}");

        CardClickReply reply = sim.events().clickCard(bob, card, Map.of("op", "approve")).awaitReply(Duration.ofSeconds(10));

        assertThat(reply.answered()).isTrue();
        assertThat(reply.toast()).map(CardClickReply.Toast::content).contains("Approved");
        assertThat(reply.cardUpdate()).isEqualTo(CardClickReply.CardUpdate.EVERYONE);
        assertThat(sim.conversation().in(room).texts()).containsExactly("[card: Approved]");
    }

    private void connectSdk(EventDispatcher dispatcher) {
        sim.longConnection().clientConfig(new ClientConfig(-1, 1, 0, 1));
        sdk = new Client.Builder(sim.appId(), sim.appSecret()).eventHandler(dispatcher).domain(sim.baseUri()).build();
        sdk.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.longConnection().openConnections().size() == 1);
    }
}
