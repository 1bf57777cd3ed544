package io.github.camellark.lark.producer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.client.LarkRequest;
import io.github.camellark.lark.content.ContentJson;
import io.github.camellark.lark.content.LarkContent;
import io.github.camellark.lark.content.MsgType;
import io.github.camellark.lark.operation.CardOperation;

/**
 * {@code lark:card}: update a sent card, update it later through a callback token, and send or delete ephemeral cards.
 * The body is the card, in the forms an interactive message takes: a card {@link LarkContent} (raw or template), a Map,
 * a Jackson node or a JSON String. For delayUpdate and sendEphemeral it may also be the whole request, the card under
 * {@code card} with the other fields Lark takes ({@code token}; {@code chat_id} and {@code open_id}, {@code user_id} or
 * {@code email}); options and headers win over those fields.
 */
final class CardHandler implements ResourceHandler<CardOperation> {

    private static final Set<String> EPHEMERAL_USER_ID_TYPES = Set.of("open_id", "user_id", "email");

    @Override
    public Class<CardOperation> operations() {
        return CardOperation.class;
    }

    @Override
    public CompletableFuture<Void> handle(CardOperation operation, LarkCall call) {
        return switch (operation) {
            case UPDATE -> update(call);
            case DELAY_UPDATE -> delayUpdate(call);
            case SEND_EPHEMERAL -> sendEphemeral(call);
            case DELETE_EPHEMERAL -> deleteEphemeral(call);
        };
    }

    /** PATCH the message: its content becomes the card, as the JSON string im/v1 wants (30 KB at most). */
    private CompletableFuture<Void> update(LarkCall call) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        String content = ContentJson.serialize(card(call), call.client().mapper());
        // PATCH sets the card to the given content, so sending it twice is the same as sending it once
        return call.sendForData(LarkRequest.patch(MessagePaths.MESSAGE, messageId)
                .json(Map.of("content", content))
                .idempotent(true)
                .rateLimitKey(RateLimitKeys.card(messageId)));
    }

    private CompletableFuture<Void> delayUpdate(LarkCall call) {
        RequestFields request = wholeRequest(call);
        Map<String, Object> body = request != null ? request.toMap() : new LinkedHashMap<>();
        body.put("token", (request != null ? request : RequestFields.none(call)).require(LarkParam.CARD_TOKEN, "token"));
        body.put("card", cardObject(call, request));
        // not idempotent: a callback token may be used only twice
        return call.sendForData(LarkRequest.post("/open-apis/interactive/v1/card/update").json(body));
    }

    private CompletableFuture<Void> sendEphemeral(LarkCall call) {
        RequestFields request = wholeRequest(call);
        Map<String, Object> body = request != null ? request.toMap() : new LinkedHashMap<>();
        Object msgType = body.get("msg_type");
        if (msgType != null && !MsgType.INTERACTIVE.equals(msgType.toString())) {
            throw new IllegalArgumentException("lark card sendEphemeral sends cards: msg_type must be interactive, got '" + msgType + "'");
        }
        body.put("chat_id", (request != null ? request : RequestFields.none(call)).require(LarkParam.CHAT_ID, "chat_id"));
        putViewer(call, request, body);
        body.put("msg_type", MsgType.INTERACTIVE);
        body.put("card", cardObject(call, request));
        return call.send(LarkRequest.post("/open-apis/ephemeral/v1/send").json(body))
                .thenAccept(reply -> Results.dataWithId(call, reply.data(), "message_id", LarkConstants.MESSAGE_ID));
    }

    /**
     * The user who sees an ephemeral card: receiveId (option or header) as receiveIdType, replacing any user of a whole
     * request body; else the one user field of the body (open_id, user_id or email).
     */
    private static void putViewer(LarkCall call, RequestFields request, Map<String, Object> body) {
        String userIdType = call.param(LarkParam.RECEIVE_ID_TYPE, "open_id");
        if (!EPHEMERAL_USER_ID_TYPES.contains(userIdType)) {
            throw new IllegalArgumentException("lark card sendEphemeral: receiveIdType must be open_id, user_id or email, got '"
                                               + userIdType + "'");
        }
        String userId = call.param(LarkParam.RECEIVE_ID);
        if (request == null || userId != null && !userId.isBlank()) {
            userId = call.require(LarkParam.RECEIVE_ID);
            EPHEMERAL_USER_ID_TYPES.forEach(body::remove);
            body.put(userIdType, userId);
            return;
        }
        List<String> given = EPHEMERAL_USER_ID_TYPES.stream().filter(type -> request.get(type) != null).sorted().toList();
        if (given.size() != 1) {
            throw new IllegalArgumentException("lark card sendEphemeral needs one user: set the endpoint option 'receiveId', the header '"
                                               + LarkConstants.RECEIVE_ID + "' or one of the body fields open_id, user_id,"
                                               + " email; the body has " + (given.isEmpty() ? "none" : String.join(" and ", given)));
        }
    }

    private CompletableFuture<Void> deleteEphemeral(LarkCall call) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        return call.sendForData(LarkRequest.post("/open-apis/ephemeral/v1/delete").json(Map.of("message_id", messageId)));
    }

    /**
     * A Map, Jackson object or JSON object text holding {@code card} is a whole request (options and headers still win
     * over its fields); any other body is the card alone. No card has a top-level {@code card} field.
     */
    private static RequestFields wholeRequest(LarkCall call) {
        if (call.body() instanceof LarkContent) {
            return null;
        }
        RequestFields fields = RequestFields.of(call);
        return fields.get("card") != null ? fields : null;
    }

    /** The card in the body; any other kind of content is refused. */
    private static LarkContent card(LarkCall call) {
        return requireCard(call, MessageContents.of(call, MsgType.INTERACTIVE));
    }

    private static LarkContent requireCard(LarkCall call, LarkContent content) {
        if (!MsgType.INTERACTIVE.equals(content.msgType())) {
            throw new IllegalArgumentException("lark card " + call.operationName() + " needs a card in the body, got " + content.msgType()
                                               + " content");
        }
        return content;
    }

    /**
     * The card (the body, or the {@code card} field of a whole request) as the JSON object delayUpdate and ephemeral
     * cards take, size-checked like a card message (Lark documents 30 KB for delayUpdate; for ephemeral cards the limit
     * is unverified).
     */
    private static Map<String, Object> cardObject(LarkCall call, RequestFields request) {
        LarkContent card;
        if (request == null) {
            card = card(call);
        } else {
            Object given = request.get("card");
            card = given instanceof LarkContent ? requireCard(call, (LarkContent) given) : LarkContent.of(MsgType.INTERACTIVE, given);
        }
        ContentJson.serialize(card, call.client().mapper());
        return ContentJson.toMap(card, call.client().mapper());
    }
}
