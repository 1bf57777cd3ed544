package io.github.camellark.lark.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.lark.oapi.card.CardActionHandler;
import com.lark.oapi.core.request.EventReq;
import com.lark.oapi.core.response.EventResp;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.event.cardcallback.P2CardActionTriggerHandler;
import com.lark.oapi.event.cardcallback.model.CallBackToast;
import com.lark.oapi.event.cardcallback.model.P2CardActionTrigger;
import com.lark.oapi.event.cardcallback.model.P2CardActionTriggerResponse;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camellark.lark.testkit.events.AppIdentity;
import io.github.camellark.lark.testkit.events.EventUser;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.events.LarkEvents;
import io.github.camellark.lark.testkit.events.RetrySchedule;
import io.github.camellark.lark.testkit.events.Tampering;
import io.github.camellark.lark.testkit.events.Webhook;
import io.github.camellark.lark.testkit.events.WebhookAttempt;
import io.github.camellark.lark.testkit.events.WebhookPusher;
import io.github.camellark.lark.testkit.events.WebhookRequest;

/** The official Lark Java SDK (oapi-sdk 2.5.3) is the reference receiver for the simulator's webhook pushes. */
class SdkWebhookFidelityTest {

    private static final String ENCRYPT_KEY = "sdk-encrypt-key";

    private final AppIdentity app = new AppIdentity("cli_a1b2c3d4e5f60718", "2ca1d211f64f6438", "verification-token");
    private final LarkEvents events = new LarkEvents(app);
    private final EventUser alice = events.user("Alice");
    private final List<P2MessageReceiveV1> received = new CopyOnWriteArrayList<>();
    private final List<P2CardActionTrigger> clicks = new CopyOnWriteArrayList<>();

    private final EventDispatcher dispatcher = EventDispatcher.newBuilder(app.verificationToken(), ENCRYPT_KEY)
            .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                @Override
                public void handle(P2MessageReceiveV1 event) {
                    received.add(event);
                }
            })
            .onP2CardActionTrigger(new P2CardActionTriggerHandler() {
                @Override
                public P2CardActionTriggerResponse handle(P2CardActionTrigger event) {
                    clicks.add(event);
                    CallBackToast toast = new CallBackToast();
                    toast.setType("success");
                    toast.setContent("Approved " + event.getEvent().getAction().getValue().get("ticket"));
                    P2CardActionTriggerResponse response = new P2CardActionTriggerResponse();
                    response.setToast(toast);
                    return response;
                }
            })
            .build();

    private SdkWebhookReceiver sdk;
    private WebhookPusher pusher;
    private Webhook hook;

    @BeforeEach
    void start() throws Exception {
        sdk = new SdkWebhookReceiver(dispatcher);
        pusher = new WebhookPusher();
        hook = pusher.webhook(sdk.uri()).withEncryptKey(ENCRYPT_KEY).withRetrySchedule(RetrySchedule.none());
    }

    @AfterEach
    void stop() throws Exception {
        pusher.close();
        sdk.close();
    }

    @Test
    void sdkAcceptsAnEncryptedSignedPushOverHttp() {
        LarkEvent event = events.textMessage(alice, "oc_1", "hello SDK");

        var delivery = hook.push(event);

        await().until(delivery::isDelivered);
        assertThat(received).singleElement().satisfies(e -> {
            assertThat(e.getHeader().getEventId()).isEqualTo(event.id());
            assertThat(e.getEvent().getMessage().getContent()).isEqualTo("{\"text\":\"hello SDK\"}");
            assertThat(e.getEvent().getSender().getSenderId().getOpenId()).isEqualTo(alice.openId());
        });
    }

    @Test
    void sdkRejectsAPushSignedWithAWrongKey() {
        WebhookAttempt attempt = hook.withWrongSignatureKey("not the key").send(events.textMessage(alice, "oc_1", "forged"));

        assertThat(attempt.status()).isEqualTo(500);
        assertThat(attempt.responseBody()).contains("signature verification failed");
        assertThat(received).isEmpty();
    }

    @Test
    void sdkRejectsATamperedSignatureAndABodyChangedAfterSigning() {
        assertThat(hook.withTampering(Tampering.SIGNATURE).send(events.textMessage(alice, "oc_1", "x")).status()).isEqualTo(500);
        assertThat(hook.withTampering(Tampering.BODY_AFTER_SIGNING).send(events.textMessage(alice, "oc_1", "x")).status()).isEqualTo(500);
        assertThat(received).isEmpty();
    }

    @Test
    void sdkAnswersTheEncryptedChallenge() {
        WebhookAttempt attempt = hook.send(events.urlVerification("ajls384kdj1234"));

        assertThat(attempt.status()).isEqualTo(200);
        assertThat(attempt.responseBody()).contains("\"challenge\":\"ajls384kdj1234\"");
    }

    @Test
    void sdkRepliesToACardClickAndTheSimulatorRecordsTheReply() {
        LarkEvent click = events.cardAction(alice, "om_card", "oc_1", Map.of("op", "approve", "ticket", "42"));

        WebhookAttempt attempt = hook.send(click);

        assertThat(attempt.acknowledged()).isTrue();
        assertThat(attempt.responseBody()).contains("\"toast\"").contains("Approved 42");
        assertThat(clicks).singleElement().satisfies(c -> assertThat(c.getEvent().getToken()).startsWith("c-"));
    }

    @Test
    void sdkLegacyCardHandlerAcceptsTheSha1SignedOldCallbackAndRejectsAWrongToken() throws Throwable {
        List<String> clicked = new CopyOnWriteArrayList<>();
        CardActionHandler legacy = CardActionHandler.newBuilder(app.verificationToken(), "", action -> {
            clicked.add(action.getOpenMessageId());
            return null;
        }).build();
        LarkEvent click = events.legacyCardAction(alice, "om_old_card", "oc_1", Map.of("op", "approve"));
        Webhook plain = pusher.webhook(sdk.uri());

        EventResp accepted = legacy.handle(sdkRequest(plain.withLegacyCardVerificationToken(app.verificationToken()).prepare(click)));
        EventResp refused = legacy.handle(sdkRequest(plain.withLegacyCardVerificationToken("not-the-token").prepare(click)));

        assertThat(accepted.getStatusCode()).isEqualTo(200);
        assertThat(refused.getStatusCode()).isEqualTo(500);
        assertThat(clicked).containsExactly("om_old_card");
    }

    private static EventReq sdkRequest(WebhookRequest request) {
        EventReq sdkRequest = new EventReq();
        sdkRequest.setBody(request.body());
        sdkRequest.setHeaders(SdkWebhookReceiver.lowerCaseNames(request.headersAsLists()));
        return sdkRequest;
    }

    @Test
    void preparedRequestsCanBeHandedToTheSdkInProcess() throws Throwable {
        WebhookRequest request = hook.prepare(events.textMessage(alice, "oc_1", "in process"));
        EventReq sdkRequest = new EventReq();
        sdkRequest.setBody(request.body());
        sdkRequest.setHeaders(SdkWebhookReceiver.lowerCaseNames(request.headersAsLists()));

        EventResp response = dispatcher.handle(sdkRequest);

        assertThat(response.getStatusCode()).as(new String(response.getBody() == null ? new byte[0] : response.getBody())).isEqualTo(200);
        assertThat(received).hasSize(1);
    }
}
