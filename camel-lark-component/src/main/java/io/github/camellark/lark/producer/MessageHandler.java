package io.github.camellark.lark.producer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.client.LarkRequest;
import io.github.camellark.lark.content.ContentJson;
import io.github.camellark.lark.content.LarkContent;
import io.github.camellark.lark.content.MsgType;
import io.github.camellark.lark.operation.MessageOperation;

/**
 * {@code lark:message}: send, reply, edit, recall, forward, mergeForward, forwardThread, readUsers, list, get,
 * getResource and pushFollowUp on Lark's im/v1 message API.
 */
public final class MessageHandler implements ResourceHandler<MessageOperation> {

    /** Lark lists at most 50 messages a page. */
    static final int MAX_LIST_PAGE = 50;
    /** Lark lists at most 100 readers a page (unverified: Lark's page documents 1 to 100). */
    static final int MAX_READ_USERS_PAGE = 100;

    private final MessageForwards forwards = new MessageForwards();

    @Override
    public Class<MessageOperation> operations() {
        return MessageOperation.class;
    }

    @Override
    public CompletableFuture<Void> handle(MessageOperation operation, LarkCall call) {
        return switch (operation) {
            case SEND -> send(call);
            case REPLY -> reply(call);
            case EDIT -> edit(call);
            case RECALL -> call.sendForData(LarkRequest.delete(MessagePaths.MESSAGE, call.require(LarkParam.MESSAGE_ID)));
            case FORWARD -> forwards.forward(call);
            case MERGE_FORWARD -> forwards.mergeForward(call);
            case FORWARD_THREAD -> forwards.forwardThread(call);
            case READ_USERS -> readUsers(call);
            case LIST -> list(call);
            case GET -> call.sendForData(LarkRequest.get(MessagePaths.MESSAGE, call.require(LarkParam.MESSAGE_ID))
                    .query("user_id_type", call.param(LarkParam.USER_ID_TYPE)));
            case GET_RESOURCE -> getResource(call);
            case PUSH_FOLLOW_UP -> pushFollowUp(call);
        };
    }

    /** POST /im/v1/messages?receive_id_type=: content as a JSON string, a uuid so that a retry posts at most once. */
    private CompletableFuture<Void> send(LarkCall call) {
        RequestFields fields = wholeRequestFields(call);
        LarkContent content = MessageContents.of(call, null);
        String json = ContentJson.serialize(content, call.client().mapper());
        String receiveId = fields.require(LarkParam.RECEIVE_ID, "receive_id");
        String receiveIdType = ReceiveIdTypes.of(call, fields, receiveId, false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("receive_id", receiveId);
        body.put("msg_type", content.msgType());
        body.put("content", json);
        body.put("uuid", Uuids.of(call, fields, receiveIdType, receiveId, content.msgType(), json));
        return call.sendForMessage(LarkRequest.post(MessagePaths.MESSAGES).query("receive_id_type", receiveIdType).json(body).idempotent(true)
                .rateLimitKey(receiveId));
    }

    /** POST /im/v1/messages/:message_id/reply. */
    private CompletableFuture<Void> reply(LarkCall call) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        RequestFields fields = wholeRequestFields(call);
        LarkContent content = MessageContents.of(call, null);
        String json = ContentJson.serialize(content, call.client().mapper());
        String inThread = fields.param(LarkParam.REPLY_IN_THREAD, "reply_in_thread");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msg_type", content.msgType());
        body.put("content", json);
        if (inThread != null) {
            body.put("reply_in_thread", Boolean.valueOf(inThread.trim()));
        }
        body.put("uuid", Uuids.of(call, fields, messageId, inThread, content.msgType(), json));
        return call.sendForMessage(LarkRequest.post(MessagePaths.MESSAGE + "/reply", messageId).json(body).idempotent(true)
                .rateLimitKey(RateLimitKeys.reply(call, messageId)));
    }

    /** PUT /im/v1/messages/:message_id: Lark edits only text and post messages (cards are updated with lark:card). */
    private CompletableFuture<Void> edit(LarkCall call) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        LarkContent content = MessageContents.of(call, null);
        if (!MsgType.TEXT.equals(content.msgType()) && !MsgType.POST.equals(content.msgType())) {
            throw new IllegalArgumentException("lark message edit changes only text and post messages, got msg_type "
                                               + content.msgType() + "; update cards with lark:card?operation=update");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msg_type", content.msgType());
        body.put("content", ContentJson.serialize(content, call.client().mapper()));
        return call.sendForData(LarkRequest.put(MessagePaths.MESSAGE, messageId).json(body));
    }

    /** GET /im/v1/messages/:message_id/read_users: Lark requires user_id_type, open_id unless told otherwise. */
    private CompletableFuture<Void> readUsers(LarkCall call) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        String userIdType = call.param(LarkParam.USER_ID_TYPE, "open_id");
        return call.list(MAX_READ_USERS_PAGE, () -> LarkRequest.get(MessagePaths.MESSAGE + "/read_users", messageId)
                .query("user_id_type", userIdType));
    }

    /**
     * GET /im/v1/messages: the history of a chat or thread. The container is containerId, else chatId (so a route fed by
     * message events lists that chat); its type is containerIdType, else thread for omt_ ids and chat otherwise.
     */
    private CompletableFuture<Void> list(LarkCall call) {
        String containerId = call.param(LarkParam.CONTAINER_ID);
        if (containerId == null) {
            containerId = call.param(LarkParam.CHAT_ID);
        }
        if (containerId == null) {
            containerId = call.require(LarkParam.CONTAINER_ID);
        }
        String containerIdType = call.param(LarkParam.CONTAINER_ID_TYPE, containerId.startsWith("omt_") ? "thread" : "chat");
        String id = containerId;
        String startTime = call.param(LarkParam.START_TIME);
        String endTime = call.param(LarkParam.END_TIME);
        String sortType = call.param(LarkParam.SORT_TYPE);
        return call.list(MAX_LIST_PAGE, () -> LarkRequest.get(MessagePaths.MESSAGES)
                .query("container_id_type", containerIdType).query("container_id", id)
                .query("start_time", startTime).query("end_time", endTime).query("sort_type", sortType));
    }

    /**
     * GET /im/v1/messages/:message_id/resources/:file_key?type=: the file streamed from the connection. Lark requires
     * the type; without resourceType it is image for img_ keys and file otherwise.
     */
    private CompletableFuture<Void> getResource(LarkCall call) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        String fileKey = call.require(LarkParam.FILE_KEY);
        String type = call.param(LarkParam.RESOURCE_TYPE, fileKey.startsWith("img_") ? "image" : "file");
        return MediaTransfers.download(call, LarkRequest.get(MessagePaths.MESSAGE + "/resources/{}", messageId, fileKey).query("type", type));
    }

    /**
     * POST /im/v1/messages/:message_id/push_follow_up. The body is {@code {"follow_ups":[...]}}, a List of follow-ups
     * (a String item is a follow-up with that content), or one String.
     */
    private CompletableFuture<Void> pushFollowUp(LarkCall call) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        Object body = call.body();
        Object given = body instanceof Collection || body instanceof String && !((String) body).trim().startsWith("{")
                ? body : RequestFields.of(call).get("follow_ups");
        List<Object> followUps = new ArrayList<>();
        for (Object item : given instanceof Collection ? (Collection<?>) given : given == null ? List.of() : List.of(given)) {
            followUps.add(item instanceof String ? Map.of("content", item) : item);
        }
        if (followUps.isEmpty()) {
            throw new IllegalArgumentException("lark message pushFollowUp needs follow-ups in the body: a List of follow-ups"
                                               + " (String contents or {content, i18n_contents} maps), a String, or {\"follow_ups\":[...]}");
        }
        return call.sendForData(LarkRequest.post(MessagePaths.MESSAGE + "/push_follow_up", messageId).json(Map.of("follow_ups", followUps)));
    }

    private static RequestFields wholeRequestFields(LarkCall call) {
        return call.body() instanceof Map && MessageContents.isWholeRequest((Map<?, ?>) call.body())
                ? RequestFields.of(call) : RequestFields.none(call);
    }
}
