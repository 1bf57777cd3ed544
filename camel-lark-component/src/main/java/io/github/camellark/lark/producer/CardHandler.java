package io.github.camellark.lark.producer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.client.LarkRequest;

/**
 * {@code lark:card}: update a sent card, update it later through a callback token, and send or delete ephemeral cards.
 * The body is the card: a Map, a JSON String or a Jackson node (card JSON, template or card entity).
 */
final class CardHandler implements ResourceHandler {

    /** Cards are limited to 30 KB (lark-rest-api.md §3.2, §7.1); for ephemeral cards the limit is unverified. */
    static final int MAX_CARD_BYTES = 30 * 1024;
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

    private CompletableFuture<Void> update(LarkCall call) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        String content = JsonBodies.write(call.client().mapper(), card(call));
        JsonBodies.checkSize(content, MAX_CARD_BYTES, "lark card update: the card");
        // PATCH sets the card to the given content, so sending it twice is the same as sending it once
        return call.sendForData(LarkRequest.patch("/open-apis/im/v1/messages/{}", messageId)
                .json(Map.of("content", content))
                .idempotent(true));
    }

    private CompletableFuture<Void> delayUpdate(LarkCall call) {
        String token = call.require(LarkParam.CARD_TOKEN);
        JsonNode card = card(call);
        JsonBodies.checkSize(JsonBodies.write(call.client().mapper(), card), MAX_CARD_BYTES, "lark card delayUpdate: the card");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("card", card);
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
        JsonNode card = card(call);
        JsonBodies.checkSize(JsonBodies.write(call.client().mapper(), card), MAX_CARD_BYTES, "lark card sendEphemeral: the card");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put(userIdType, userId);
        body.put("msg_type", "interactive");
        body.put("card", card);
        return call.send(LarkRequest.post("/open-apis/ephemeral/v1/send").json(body))
                .thenAccept(reply -> Results.dataWithId(call, reply.data(), "message_id", LarkConstants.MESSAGE_ID));
    }

    private CompletableFuture<Void> deleteEphemeral(LarkCall call) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        return call.sendForData(LarkRequest.post("/open-apis/ephemeral/v1/delete").json(Map.of("message_id", messageId)));
    }

    private static JsonNode card(LarkCall call) {
        return JsonBodies.object(call.client().mapper(), call.body(), "lark card " + call.operation() + ": the card (body)");
    }
}
