package io.github.camellark.lark.producer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.client.LarkRequest;

/**
 * The forward family of {@code lark:message}: forward, mergeForward and forwardThread. Each carries a uuid (query
 * parameter) derived from the target and what is forwarded, so a retried or redelivered forward arrives once.
 */
final class MessageForwards {

    /** Lark merges 1 to 100 messages into one. */
    static final int MAX_MERGED = 100;

    /** POST /im/v1/messages/:message_id/forward?receive_id_type=&uuid=. */
    CompletableFuture<Void> forward(LarkCall call) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        return forwardTo(call, RequestFields.of(call), LarkRequest.post(MessagePaths.MESSAGE + "/forward", messageId),
                messageId, new LinkedHashMap<>());
    }

    /** POST /im/v1/threads/:thread_id/forward?receive_id_type=&uuid=. */
    CompletableFuture<Void> forwardThread(LarkCall call) {
        String threadId = call.require(LarkParam.THREAD_ID);
        return forwardTo(call, RequestFields.of(call), LarkRequest.post("/open-apis/im/v1/threads/{}/forward", threadId),
                threadId, new LinkedHashMap<>());
    }

    /** POST /im/v1/messages/merge_forward?receive_id_type=&uuid=: the ids from a List body or the body field message_id_list. */
    CompletableFuture<Void> mergeForward(LarkCall call) {
        RequestFields fields = RequestFields.of(call);
        Object given = call.body() instanceof Collection ? call.body() : fields.get("message_id_list");
        List<String> messageIds = messageIds(given);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message_id_list", messageIds);
        return forwardTo(call, fields, LarkRequest.post(MessagePaths.MESSAGES + "/merge_forward"), messageIds, body);
    }

    private static CompletableFuture<Void> forwardTo(LarkCall call, RequestFields fields, LarkRequest.Builder request,
                                                     Object forwarded, Map<String, Object> body) {
        String receiveId = fields.require(LarkParam.RECEIVE_ID, "receive_id");
        String receiveIdType = ReceiveIdTypes.of(call, fields, receiveId, true);
        body.put("receive_id", receiveId);
        String uuid = Uuids.of(call, fields, receiveIdType, receiveId, forwarded);
        return call.sendForMessage(
                request.query("receive_id_type", receiveIdType).query("uuid", uuid).json(body).idempotent(true));
    }

    private static List<String> messageIds(Object given) {
        List<String> ids = IdLists.from(given, "message_id_list");
        if (ids == null) {
            throw new IllegalArgumentException("lark message mergeForward needs the ids of the messages to merge: a List body"
                                               + " or the body field message_id_list (1 to " + MAX_MERGED + " ids)");
        }
        return IdLists.check(ids, MAX_MERGED, "lark message mergeForward: message_id_list");
    }
}
