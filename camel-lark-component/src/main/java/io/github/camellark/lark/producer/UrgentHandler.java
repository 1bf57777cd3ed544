package io.github.camellark.lark.producer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.client.LarkRequest;
import io.github.camellark.lark.operation.UrgentOperation;

/**
 * {@code lark:urgent}: buzz users about a message in the app, by SMS or by phone. The users come from the header
 * {@code CamelLarkUserIdList}, the {@code userIdList} option, or the body (a List, or a Map/JSON with {@code user_id_list});
 * the ones Lark could not buzz are in the result's {@code invalid_user_id_list}.
 */
final class UrgentHandler implements ResourceHandler<UrgentOperation> {

    @Override
    public Class<UrgentOperation> operations() {
        return UrgentOperation.class;
    }

    @Override
    public CompletableFuture<Void> handle(UrgentOperation operation, LarkCall call) {
        return switch (operation) {
            case APP -> buzz(call, "urgent_app");
            case SMS -> buzz(call, "urgent_sms");
            case PHONE -> buzz(call, "urgent_phone");
        };
    }

    private CompletableFuture<Void> buzz(LarkCall call, String kind) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        List<String> userIds = IdLists.nonEmpty(userIds(call), "lark urgent " + call.operationName() + ": user_id_list");
        // not idempotent: every call buzzes again (and SMS/phone use up tenant quota)
        return call.send(LarkRequest.patch("/open-apis/im/v1/messages/{}/" + kind, messageId)
                .query("user_id_type", call.param(LarkParam.USER_ID_TYPE, "open_id"))
                .json(Map.of("user_id_list", userIds)))
                .thenAccept(reply -> {
                    Map<String, Object> data = reply.data();
                    data.putIfAbsent("invalid_user_id_list", List.of());
                    call.in().setBody(data);
                });
    }

    /** Header, then option, then body: per-call values win over the body. */
    private static List<String> userIds(LarkCall call) {
        List<String> ids = IdLists.from(call.in().getHeader(LarkParam.USER_ID_LIST.header()), "user_id_list");
        if (ids == null || ids.isEmpty()) {
            ids = IdLists.from(call.configuration().getUserIdList(), "user_id_list");
        }
        if (ids == null || ids.isEmpty()) {
            ids = IdLists.from(call.body() instanceof Collection ? call.body() : RequestFields.of(call).get("user_id_list"),
                    "user_id_list");
        }
        return ids;
    }
}
