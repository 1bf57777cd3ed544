package io.github.camellark.lark.testkit.events;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Creates realistic events for one app. Payload fields follow the official SDK models
 * (Java and Go); ids are fresh on every call, times come from the clock.
 * Thread-safe.
 *
 * <pre>{@code
 * LarkEvents events = new LarkEvents(AppIdentity.example());
 * LarkEvent hello = events.textMessage(alice, chatId, "hello");
 * LarkEvent click = events.cardAction(alice, messageId, chatId, Map.of("op", "approve"));
 * }</pre>
 */
public final class LarkEvents {

    private final AppIdentity app;
    private final Clock clock;

    public LarkEvents(AppIdentity app) {
        this(app, Clock.systemUTC());
    }

    public LarkEvents(AppIdentity app, Clock clock) {
        this.app = Objects.requireNonNull(app, "app");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public AppIdentity app() {
        return app;
    }

    /** A user of this app's tenant with fresh ids. */
    public EventUser user(String name) {
        return EventUser.named(name, app.tenantKey());
    }

    // ---- im.message.* ------------------------------------------------------------------------

    /** {@code im.message.receive_v1}: {@code sender} typed {@code text} in a group chat. */
    public LarkEvent textMessage(EventUser sender, String chatId, String text) {
        return message().from(sender).inChat(chatId).text(text).build();
    }

    /** A builder for {@code im.message.receive_v1} with every field under control. */
    public MessageReceivedBuilder message() {
        return new MessageReceivedBuilder(this);
    }

    /** {@code im.message.message_read_v1}: {@code reader} read the given messages. */
    public LarkEvent messageRead(EventUser reader, String... messageIds) {
        ObjectNode event = object();
        ObjectNode readerNode = event.putObject("reader");
        readerNode.set("reader_id", reader.idObject());
        readerNode.put("read_time", nowMillis());
        readerNode.put("tenant_key", reader.tenantKey());
        ArrayNode ids = event.putArray("message_id_list");
        for (String id : messageIds) {
            ids.add(id);
        }
        return v2("im.message.message_read_v1", event);
    }

    /**
     * {@code im.message.recalled_v1}. {@code recall_type} {@code message_owner} is the value seen in the SDK
     * sample; the full value list is unverified.
     */
    public LarkEvent messageRecalled(String messageId, String chatId) {
        ObjectNode event = object();
        event.put("message_id", messageId);
        event.put("chat_id", chatId);
        event.put("recall_time", nowMillis());
        event.put("recall_type", "message_owner");
        return v2("im.message.recalled_v1", event);
    }

    /** {@code im.message.reaction.created_v1} by a user, e.g. {@code emojiType = "THUMBSUP"}. */
    public LarkEvent reactionCreated(String messageId, EventUser user, String emojiType) {
        return v2("im.message.reaction.created_v1", reaction(messageId, user, emojiType));
    }

    /** {@code im.message.reaction.deleted_v1}: same shape as created. */
    public LarkEvent reactionDeleted(String messageId, EventUser user, String emojiType) {
        return v2("im.message.reaction.deleted_v1", reaction(messageId, user, emojiType));
    }

    private ObjectNode reaction(String messageId, EventUser user, String emojiType) {
        ObjectNode event = object();
        event.put("message_id", messageId);
        event.putObject("reaction_type").put("emoji_type", emojiType);
        event.put("operator_type", "user");
        event.set("user_id", user.idObject());
        event.putNull("app_id");
        event.put("action_time", nowMillis());
        return event;
    }

    // ---- im.chat.member.* --------------------------------------------------------------------

    /** {@code im.chat.member.user.added_v1}: {@code operator} added {@code users} to the chat. */
    public LarkEvent chatMemberUserAdded(String chatId, String chatName, EventUser operator, EventUser... users) {
        return chatMemberUsers("im.chat.member.user.added_v1", chatId, chatName, operator, users);
    }

    /** {@code im.chat.member.user.deleted_v1}: {@code operator} removed {@code users} from the chat (same shape as added). */
    public LarkEvent chatMemberUserDeleted(String chatId, String chatName, EventUser operator, EventUser... users) {
        return chatMemberUsers("im.chat.member.user.deleted_v1", chatId, chatName, operator, users);
    }

    private LarkEvent chatMemberUsers(String type, String chatId, String chatName, EventUser operator, EventUser... users) {
        ObjectNode event = object();
        event.put("chat_id", chatId);
        event.set("operator_id", operator.idObject());
        event.put("external", false);
        event.put("operator_tenant_key", operator.tenantKey());
        ArrayNode added = event.putArray("users");
        for (EventUser user : users) {
            ObjectNode entry = added.addObject();
            entry.put("name", user.name());
            entry.put("tenant_key", user.tenantKey());
            entry.set("user_id", user.idObject());
        }
        event.put("name", chatName);
        ObjectNode names = event.putObject("i18n_names");
        names.put("zh_cn", chatName);
        names.put("en_us", chatName);
        names.putNull("ja_jp");
        return v2(type, event);
    }

    // ---- card callbacks ----------------------------------------------------------------------

    /** {@code card.action.trigger}: {@code operator} clicked a button whose {@code value} is given. */
    public LarkEvent cardAction(EventUser operator, String openMessageId, String openChatId, Map<String, ?> value) {
        return cardAction(operator, openMessageId, openChatId, "button", null, value, null);
    }

    /**
     * {@code card.action.trigger} with every action field: {@code tag} is the component ({@code button},
     * {@code select_static}, {@code input}, ...), {@code formValue} the fields of a submitted form (or null).
     * {@code event.token} is a fresh delayed-update token ({@code c-} + 40 hex).
     */
    public LarkEvent cardAction(EventUser operator, String openMessageId, String openChatId, String tag, String name,
            Map<String, ?> value, Map<String, ?> formValue) {
        return cardAction(operator, openMessageId, openChatId, tag, name, value, formValue, delayedUpdateToken());
    }

    /** As above with a given delayed-update token, e.g. one the simulator's state issued for the card's message. */
    public LarkEvent cardAction(EventUser operator, String openMessageId, String openChatId, String tag, String name,
            Map<String, ?> value, Map<String, ?> formValue, String delayedUpdateToken) {
        ObjectNode event = object();
        ObjectNode op = event.putObject("operator");
        op.put("tenant_key", operator.tenantKey());
        op.put("user_id", operator.userId());
        op.put("open_id", operator.openId());
        op.put("union_id", operator.unionId());
        event.put("token", delayedUpdateToken);
        ObjectNode action = event.putObject("action");
        action.set("value", value == null ? null : LarkEvent.JSON.valueToTree(value));
        action.put("tag", tag);
        action.put("name", name);
        action.putNull("option");
        action.putNull("timezone");
        action.set("form_value", formValue == null ? null : LarkEvent.JSON.valueToTree(formValue));
        action.putNull("input_value");
        action.putNull("options");
        action.putNull("checked");
        event.put("host", "im_message");
        event.putNull("delivery_type");
        ObjectNode context = event.putObject("context");
        context.put("open_message_id", openMessageId);
        context.put("open_chat_id", openChatId);
        context.putNull("url");
        context.putNull("preview_token");
        return v2("card.action.trigger", event);
    }

    /**
     * The old card-request-URL callback ({@code card.action.trigger_v1}): a flat body with no
     * envelope. Webhook only; Lark signs it differently (SHA-1 with the verification token), which the
     * {@link Webhook} does once given {@link Webhook#withLegacyCardVerificationToken(String)}.
     */
    public LarkEvent legacyCardAction(EventUser operator, String openMessageId, String openChatId, Map<String, ?> value) {
        ObjectNode body = object();
        body.put("open_id", operator.openId());
        body.put("user_id", operator.userId());
        body.put("open_message_id", openMessageId);
        body.put("open_chat_id", openChatId);
        body.put("tenant_key", operator.tenantKey());
        body.put("token", delayedUpdateToken());
        ObjectNode action = body.putObject("action");
        action.set("value", LarkEvent.JSON.valueToTree(value));
        action.put("tag", "button");
        return new LarkEvent(LarkEvent.Schema.LEGACY_CARD, body);
    }

    // ---- handshake and schema 1.0 ------------------------------------------------------------

    /** The flat {@code url_verification} challenge Lark sends when the URL is saved in the console. */
    public LarkEvent urlVerification(String challenge) {
        ObjectNode body = object();
        body.put("challenge", challenge);
        body.put("token", app.verificationToken());
        body.put("type", "url_verification");
        return new LarkEvent(LarkEvent.Schema.CHALLENGE, body);
    }

    /** Schema 1.0 {@code app_ticket}, pushed hourly to store apps. */
    public LarkEvent appTicket(String ticket) {
        ObjectNode event = object();
        event.put("app_id", app.appId());
        event.put("app_ticket", ticket);
        event.put("type", "app_ticket");
        return v1(event);
    }

    /**
     * The legacy schema 1.0 {@code message} event. Field names come from the old doc and third-party code;
     * the exact field set is unverified.
     */
    public LarkEvent legacyTextMessage(EventUser sender, String chatId, String text) {
        ObjectNode event = object();
        event.put("type", "message");
        event.put("app_id", app.appId());
        event.put("tenant_key", app.tenantKey());
        event.put("root_id", "");
        event.put("parent_id", "");
        event.put("open_chat_id", chatId);
        event.put("chat_type", "group");
        event.put("msg_type", "text");
        event.put("open_id", sender.openId());
        event.put("union_id", sender.unionId());
        event.put("user_id", sender.userId());
        event.put("open_message_id", Ids.messageId());
        event.put("is_mention", false);
        event.put("text", text);
        event.put("text_without_at_bot", text);
        return v1(event);
    }

    // ---- anything else -----------------------------------------------------------------------

    /** A schema 2.0 event of any type with the given {@code event} object (a Map, POJO or JsonNode). */
    public LarkEvent custom(String eventType, Object event) {
        return v2(eventType, LarkEvent.JSON.valueToTree(event));
    }

    /** A schema 1.0 event of any type; {@code event.type} is set to {@code type}. */
    public LarkEvent customV1(String type, Object event) {
        ObjectNode node = LarkEvent.JSON.valueToTree(event);
        node.put("type", type);
        return v1(node);
    }

    // ---- envelopes ---------------------------------------------------------------------------

    LarkEvent v2(String eventType, ObjectNode event) {
        ObjectNode body = object();
        body.put("schema", "2.0");
        ObjectNode header = body.putObject("header");
        header.put("event_id", Ids.hex(32));
        header.put("event_type", eventType);
        header.put("create_time", nowMillis());
        header.put("token", app.verificationToken());
        header.put("app_id", app.appId());
        header.put("tenant_key", app.tenantKey());
        body.set("event", event);
        return new LarkEvent(LarkEvent.Schema.V2, body);
    }

    private LarkEvent v1(ObjectNode event) {
        ObjectNode body = object();
        body.put("uuid", Ids.hex(32));
        body.put("token", app.verificationToken());
        long millis = clock.millis();
        // 1.0 "ts" is seconds with a fraction, e.g. "1502199207.7171419"
        body.put("ts", (millis / 1000) + "." + String.format("%03d", millis % 1000) + "0000");
        body.put("type", "event_callback");
        body.set("event", event);
        return new LarkEvent(LarkEvent.Schema.V1, body);
    }

    String nowMillis() {
        return Long.toString(clock.millis());
    }

    private static String delayedUpdateToken() {
        return "c-" + Ids.hex(40);
    }

    static ObjectNode object() {
        return LarkEvent.JSON.createObjectNode();
    }
}
