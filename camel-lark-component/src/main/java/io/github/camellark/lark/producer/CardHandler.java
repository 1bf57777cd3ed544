package io.github.camellark.lark.producer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.client.LarkRequest;
import io.github.camellark.lark.content.ContentJson;
import io.github.camellark.lark.content.LarkContent;
import io.github.camellark.lark.content.MsgType;

/**
 * {@code lark:card}: update a sent card, update it later through a callback token, and send or delete ephemeral cards.
 * The body is the card, in the forms an interactive message takes: a card {@link LarkContent} (raw or template), a Map,
 * a Jackson node or a JSON String.
 */
final class CardHandler implements ResourceHandler {

    private static final Set<String> EPHEMERAL_USER_ID_TYPES = Set.of("open_id", "user_id", "email");

    @Override
    public CompletableFuture<Void> handle(LarkCall call) {
        switch (call.operation()) {
            case "update":
                return update(call);
            case "delayUpdate":
                return delayUpdate(call);
            case "sendEphemeral":
                return sendEphemeral(call);
            case "deleteEphemeral":
                return deleteEphemeral(call);
            default:
                throw new IllegalArgumentException("lark:card has no operation " + call.operation());
        }
    }

    /** PATCH the message: its content becomes the card, as the JSON string im/v1 wants (30 KB at most). */
    private CompletableFuture<Void> update(LarkCall call) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        String content = ContentJson.serialize(card(call), call.client().mapper());
        // PATCH sets the card to the given content, so sending it twice is the same as sending it once
        return call.sendForData(LarkRequest.patch(MessageHandler.MESSAGE, messageId)
                .json(Map.of("content", content))
                .idempotent(true)
                .rateLimitKey(cardRateLimitKey(messageId)));
    }

    /** Lark allows 5 updates a second of one card message, apart from the sends to its chat. */
    static String cardRateLimitKey(String messageId) {
        return "card " + messageId;
    }

    private CompletableFuture<Void> delayUpdate(LarkCall call) {
        String token = call.require(LarkParam.CARD_TOKEN);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("card", cardObject(call));
        // not idempotent: a callback token may be used only twice
        return call.sendForData(LarkRequest.post("/open-apis/interactive/v1/card/update").json(body));
    }

    private CompletableFuture<Void> sendEphemeral(LarkCall call) {
        String chatId = call.require(LarkParam.CHAT_ID);
        String userIdType = call.param(LarkParam.RECEIVE_ID_TYPE, "open_id");
        if (!EPHEMERAL_USER_ID_TYPES.contains(userIdType)) {
            throw new IllegalArgumentException("lark card sendEphemeral: receiveIdType must be open_id, user_id or email, got '"
                                               + userIdType + "'");
        }
        String userId = call.require(LarkParam.RECEIVE_ID);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put(userIdType, userId);
        body.put("msg_type", MsgType.INTERACTIVE);
        body.put("card", cardObject(call));
        return call.send(LarkRequest.post("/open-apis/ephemeral/v1/send").json(body))
                .thenAccept(reply -> Results.dataWithId(call, reply.data(), "message_id", LarkConstants.MESSAGE_ID));
    }

    private CompletableFuture<Void> deleteEphemeral(LarkCall call) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        return call.sendForData(LarkRequest.post("/open-apis/ephemeral/v1/delete").json(Map.of("message_id", messageId)));
    }

    /** The card in the body; any other kind of content is refused. */
    private static LarkContent card(LarkCall call) {
        LarkContent content = MessageContents.of(call, MsgType.INTERACTIVE);
        if (!MsgType.INTERACTIVE.equals(content.msgType())) {
            throw new IllegalArgumentException("lark card " + call.operation() + " needs a card in the body, got " + content.msgType()
                                               + " content");
        }
        return content;
    }

    /**
     * The card as the JSON object delayUpdate and ephemeral cards take, size-checked like a card message (Lark documents
     * 30 KB for delayUpdate; for ephemeral cards the limit is unverified).
     */
    private static Map<String, Object> cardObject(LarkCall call) {
        LarkContent card = card(call);
        ContentJson.serialize(card, call.client().mapper());
        return ContentJson.toMap(card, call.client().mapper());
    }
}
