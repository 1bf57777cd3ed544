package io.github.camellark.lark.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camellark.lark.testkit.events.AppIdentity;
import io.github.camellark.lark.testkit.events.EventUser;
import io.github.camellark.lark.testkit.events.LarkEvents;

/**
 * Events with fixed, named ids, as the component's tests assert on them, built with the testkit's {@link LarkEvents}:
 * one app ({@link #APP}, {@link #TENANT}), one sender, one chat, all created at {@link #CREATED}. The
 * {@code token} of each is the Verification Token the test's endpoint expects (or not). Encrypt and sign with the
 * testkit's {@code EventCrypto}.
 */
public final class SampleEvents {

    public static final String APP = "cli_a1b2c3d4e5f60718";
    public static final String TENANT = "2ca1d211f64f6438";
    /** When the events were created (milliseconds): now, so that no event is older than maxEventAge. */
    public static final long CREATED = System.currentTimeMillis();
    /** Schema 1.0 events carry seconds with a fraction; in milliseconds, this is {@link #SCHEMA_1_CREATED_MILLIS}. */
    public static final String SCHEMA_1_TS = CREATED / 1000 + ".7171419";
    public static final long SCHEMA_1_CREATED_MILLIS = CREATED / 1000 * 1000 + 717;
    /** Who sends the messages, in {@link #CHAT}. */
    public static final EventUser SENDER = new EventUser("ou_84aad35d", "on_8ed6", "e33ggbyz", "Alice", TENANT);
    public static final String CHAT = "oc_5ce6d572";
    /** Who clicks the cards, on {@link #CARD_MESSAGE} in {@link #CARD_CHAT}. */
    public static final EventUser CLICKER = new EventUser("ou_7dab8a3d", "on_7dab", "e33ggbyz", "Bob", TENANT);
    public static final String CARD_MESSAGE = "om_dc13";
    public static final String CARD_CHAT = "oc_e95e";

    private static final Clock AT_CREATED = Clock.fixed(Instant.ofEpochMilli(CREATED), ZoneOffset.UTC);

    private SampleEvents() {
    }

    private static LarkEvents app(String appId, String token) {
        return new LarkEvents(new AppIdentity(appId, TENANT, token), AT_CREATED);
    }

    /** {@code im.message.receive_v1}: {@link #SENDER} says {@code text} in {@link #CHAT}; message id {@code om_<eventId>}. */
    public static String messageReceived(String eventId, String token, String text) {
        return messageInChat(eventId, CHAT, token, text);
    }

    /** {@code im.message.receive_v1} in the given chat, with no Verification Token. */
    public static String messageInChat(String eventId, String chatId, String text) {
        return messageInChat(eventId, chatId, "", text);
    }

    private static String messageInChat(String eventId, String chatId, String token, String text) {
        return app(APP, token).message().from(SENDER).inChat(chatId).messageId("om_" + eventId).text(text).build()
                .withId(eventId).toJson();
    }

    /** Any schema 2.0 event, about message {@code om_x} in chat {@code oc_x}. */
    public static String event(String eventId, String eventType, String token) {
        return app(APP, token).custom(eventType, Map.of("message_id", "om_x", "chat_id", "oc_x")).withId(eventId).toJson();
    }

    /** {@code card.action.trigger}: {@link #CLICKER} clicks "approve" on {@link #CARD_MESSAGE}. */
    public static String cardAction(String eventId, String token, String cardToken) {
        return app(APP, token).cardAction(CLICKER, CARD_MESSAGE, CARD_CHAT, "button", "approve_btn",
                Map.of("op", "approve", "ticket", "42"), null, cardToken).withId(eventId).toJson();
    }

    /** The legacy card request URL callback (a flat body) of a click on {@link #CARD_MESSAGE}. */
    public static String legacyCardAction(String cardToken) {
        return app(APP, "").legacyCardAction(CLICKER, CARD_MESSAGE, CARD_CHAT, Map.of("op", "approve")).withToken(cardToken).toJson();
    }

    /** A schema 1.0 {@code app_ticket} event (store apps), sent at {@link #SCHEMA_1_TS}. */
    public static String appTicket(String uuid, String token, String appId, String ticket) {
        ObjectNode body = app(appId, token).appTicket(ticket).withId(uuid).json();
        return body.put("ts", SCHEMA_1_TS).toString();
    }

    /** The {@code url_verification} challenge. */
    public static String challenge(String challenge, String token) {
        return app(APP, token).urlVerification(challenge).toJson();
    }
}
