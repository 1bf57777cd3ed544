package io.github.camellark.lark.producer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.client.LarkRequest;
import io.github.camellark.lark.operation.ChatOperation;

/**
 * {@code lark:chat}: create a group chat (body: the chat's fields as a Map or JSON) and add members to one (body: the
 * ids as a List, or a Map with {@code id_list}). What Lark takes as query parameters may also be given as body fields
 * of that name ({@code user_id_type}, {@code set_bot_manager} and {@code uuid} for create; {@code member_id_type} and
 * {@code succeed_type} for addMembers); options and headers win.
 */
final class ChatHandler implements ResourceHandler<ChatOperation> {

    /** Per call Lark takes at most 50 users and 5 bots. */
    static final int MAX_USERS = 50;
    static final int MAX_BOTS = 5;

    @Override
    public Class<ChatOperation> operations() {
        return ChatOperation.class;
    }

    @Override
    public CompletableFuture<Void> handle(ChatOperation operation, LarkCall call) {
        return switch (operation) {
            case CREATE -> create(call);
            case ADD_MEMBERS -> addMembers(call);
        };
    }

    private CompletableFuture<Void> create(LarkCall call) {
        RequestFields fields = RequestFields.of(call);
        String userIdType = fields.param(LarkParam.USER_ID_TYPE, "user_id_type");
        String uuid = Uuids.of(call, fields, fields.toMap());
        Map<String, Object> chat = fields.toMap();
        Object setBotManager = chat.remove("set_bot_manager");
        chat.remove("user_id_type");
        chat.remove("uuid");
        IdLists.atMost(IdLists.from(chat.get("user_id_list"), "user_id_list"), MAX_USERS, "lark chat create: user_id_list");
        IdLists.atMost(IdLists.from(chat.get("bot_id_list"), "bot_id_list"), MAX_BOTS, "lark chat create: bot_id_list");
        Object name = chat.get("name");
        if ("public".equals(chat.get("chat_type")) && (name == null || name.toString().length() < 2)) {
            throw new IllegalArgumentException("lark chat create: a public chat needs a name of at least 2 characters, got "
                                               + (name == null ? "none" : "'" + name + "'"));
        }
        // Lark creates at most one chat per uuid within 10 hours, so the create can be retried
        return call.send(LarkRequest.post("/open-apis/im/v1/chats")
                .query("user_id_type", userIdType)
                .query("set_bot_manager", setBotManager)
                .query("uuid", uuid)
                .json(chat)
                .idempotent(true))
                .thenAccept(reply -> Results.dataWithId(call, reply.data(), "chat_id", LarkConstants.CHAT_ID));
    }

    private CompletableFuture<Void> addMembers(LarkCall call) {
        String chatId = call.require(LarkParam.CHAT_ID);
        RequestFields fields = RequestFields.of(call);
        String memberIdType = fields.param(LarkParam.MEMBER_ID_TYPE, "member_id_type");
        Object given = call.body() instanceof Collection ? call.body() : fields.get("id_list");
        int max = "app_id".equals(memberIdType) ? MAX_BOTS : MAX_USERS;
        List<String> ids = IdLists.check(IdLists.from(given, "id_list"), max, "lark chat addMembers: id_list");
        return call.send(LarkRequest.post("/open-apis/im/v1/chats/{}/members", chatId)
                .query("member_id_type", memberIdType)
                .query("succeed_type", fields.get("succeed_type"))
                .json(Map.of("id_list", ids)))
                .thenAccept(reply -> {
                    Map<String, Object> data = reply.data();
                    data.putIfAbsent("invalid_id_list", List.of());
                    data.putIfAbsent("not_existed_id_list", List.of());
                    call.in().setBody(data);
                });
    }
}
