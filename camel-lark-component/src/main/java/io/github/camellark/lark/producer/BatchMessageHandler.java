package io.github.camellark.lark.producer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.client.LarkRequest;
import io.github.camellark.lark.content.LarkContent;
import io.github.camellark.lark.content.LegacyMessageBody;
import io.github.camellark.lark.content.MsgType;
import io.github.camellark.lark.operation.BatchMessageOperation;

/**
 * {@code lark:batchMessage}: send one message to many users and departments (the legacy v4 batch_send), then recall it
 * or read its statistics.
 */
public final class BatchMessageHandler implements ResourceHandler<BatchMessageOperation> {

    static final String BATCH_MESSAGE = "/open-apis/im/v1/batch_messages/{}";
    static final List<String> TARGET_FIELDS = List.of("department_ids", "open_ids", "user_ids", "union_ids");
    /** Lark takes at most 200 ids in each target list. */
    static final int MAX_TARGETS_PER_LIST = 200;
    static final Set<String> MSG_TYPES = Set.of(MsgType.TEXT, MsgType.POST, MsgType.IMAGE, MsgType.SHARE_CHAT, MsgType.INTERACTIVE);

    @Override
    public Class<BatchMessageOperation> operations() {
        return BatchMessageOperation.class;
    }

    @Override
    public CompletableFuture<Void> handle(BatchMessageOperation operation, LarkCall call) {
        return switch (operation) {
            case SEND -> send(call);
            case RECALL -> call.sendForData(LarkRequest.delete(BATCH_MESSAGE, call.require(LarkParam.BATCH_MESSAGE_ID)));
            case READ_USER -> call.sendForData(LarkRequest.get(BATCH_MESSAGE + "/read_user", call.require(LarkParam.BATCH_MESSAGE_ID)));
            case PROGRESS -> call.sendForData(LarkRequest.get(BATCH_MESSAGE + "/get_progress", call.require(LarkParam.BATCH_MESSAGE_ID)));
        };
    }

    /**
     * POST /message/v4/batch_send/. The body is the request as a Map: the target lists (department_ids, open_ids, user_ids,
     * union_ids: Lists or comma-separated Strings) and the message, either as {@code "content": LarkContent} or as
     * msg_type + content (an object here, not a string) or card. Lark offers no uuid here, so a failed send is not
     * repeated on 5xx or I/O errors.
     */
    private CompletableFuture<Void> send(LarkCall call) {
        Map<String, Object> request = RequestFields.of(call).toMap();
        if (request.isEmpty()) {
            throw new IllegalArgumentException("lark batchMessage send needs a Map/JSON body with the targets (department_ids,"
                                               + " open_ids, user_ids, union_ids) and the message (content as a LarkContent, or"
                                               + " msg_type with content or card)");
        }
        message(call, request);
        targets(request);
        return call.send(LarkRequest.post("/open-apis/message/v4/batch_send/").json(request))
                .thenAccept(reply -> Results.dataWithId(call, reply.data(), "message_id", LarkConstants.BATCH_MESSAGE_ID));
    }

    /** Puts msg_type and content (or card) into the request in the form batch_send wants. */
    private static void message(LarkCall call, Map<String, Object> request) {
        Object content = request.get("content");
        if (content instanceof LarkContent) {
            request.remove("content");
            request.putAll(LegacyMessageBody.of((LarkContent) content, call.client().mapper()));
        } else {
            String msgType = call.param(LarkParam.MSG_TYPE);
            if (msgType == null && request.get("msg_type") != null) {
                msgType = request.get("msg_type").toString();
            }
            if (msgType == null) {
                msgType = request.containsKey("card") ? MsgType.INTERACTIVE : MsgType.TEXT;
            }
            request.put("msg_type", msgType);
            if (MsgType.TEXT.equals(msgType) && content instanceof String && !((String) content).trim().startsWith("{")) {
                request.put("content", Map.of("text", content));
            } else if (content != null) {
                request.put("content", LegacyMessageBody.asObject(msgType, content, call.client().mapper()));
            }
            if (MsgType.INTERACTIVE.equals(msgType) && !request.containsKey("card") && content != null) {
                request.put("card", request.remove("content"));
            } else if (request.get("card") != null) {
                request.put("card", LegacyMessageBody.asObject(msgType, request.get("card"), call.client().mapper()));
            }
        }
        String msgType = request.get("msg_type").toString();
        if (!MSG_TYPES.contains(msgType)) {
            throw new IllegalArgumentException("lark batchMessage send takes msg_type text, post, image, share_chat or interactive,"
                                               + " got " + msgType);
        }
        if (request.get("content") == null && request.get("card") == null) {
            throw new IllegalArgumentException("lark batchMessage send needs the message: a body field content (or card for"
                                               + " interactive)");
        }
    }

    /** Normalises the target lists and checks that there is at least one target and at most 200 ids per list. */
    private static void targets(Map<String, Object> request) {
        boolean any = false;
        for (String field : TARGET_FIELDS) {
            List<String> ids = IdLists.atMost(IdLists.from(request.get(field), field), MAX_TARGETS_PER_LIST,
                    "lark batchMessage send: " + field);
            if (ids != null) {
                request.put(field, ids);
                any |= !ids.isEmpty();
            }
        }
        if (!any) {
            throw new IllegalArgumentException("lark batchMessage send needs targets: a non-empty body field department_ids,"
                                               + " open_ids, user_ids or union_ids");
        }
    }
}
