package io.github.camellark.lark.testkit.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.testkit.http.LarkError;
import io.github.camellark.lark.testkit.http.SimHttpServer;
import io.github.camellark.lark.testkit.http.SimRequest;
import io.github.camellark.lark.testkit.http.SimResponse;
import io.github.camellark.lark.testkit.state.Sender;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.SimulatorState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code im/v1/chats} create (uuid dedupe for 10 h) and members add ({@code succeed_type} 0/2 fail
 * the call on unknown ids, 1 adds the known ones and lists the rest).
 */
final class ChatApi {

    private final SimulatorState state;
    private final Lookups lookups;

    ChatApi(SimulatorState state, Lookups lookups) {
        this.state = state;
        this.lookups = lookups;
    }

    void register(SimHttpServer server) {
        server.route("POST", "/open-apis/im/v1/chats", true, this::create);
        server.route("POST", "/open-apis/im/v1/chats/{chat_id}/members", true, this::addMembers);
    }

    private SimResponse create(SimRequest request) {
        String userIdType = MessageApi.userIdType(request, "open_id");
        String uuid = request.queryParam("uuid");
        JsonNode body = request.json() == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : Requests.body(request);
        String chatMode = Requests.optionalText(body, "chat_mode");
        if (chatMode != null && !chatMode.equals("group")) {
            throw LarkError.fieldValidation("chat_mode", "only chat_mode=group can be created");
        }
        String chatType = oneOf(body, "chat_type", "private", Set.of("private", "public"));
        String groupMessageType = oneOf(body, "group_message_type", "chat", Set.of("chat", "thread"));
        String name = Requests.optionalText(body, "name");
        if (chatType.equals("public") && (name == null || name.codePointCount(0, name.length()) < 2)) {
            throw LarkError.fieldValidation("name", "public chats need a name of at least 2 characters");
        }
        List<String> userIds = new ArrayList<>();
        body.path("user_id_list").forEach(n -> userIds.add(n.asText()));
        if (userIds.size() > 50) {
            throw LarkError.fieldValidation("user_id_list", "at most 50 users per call");
        }
        List<String> botIds = new ArrayList<>();
        body.path("bot_id_list").forEach(n -> botIds.add(n.asText()));
        if (botIds.size() > 5) {
            throw LarkError.fieldValidation("bot_id_list", "at most 5 bots per call");
        }
        List<SimUser> members = userIds.stream().map(id -> lookups.requireUser(userIdType, id)).toList();
        String ownerId = Requests.optionalText(body, "owner_id");
        Sender creator = request.caller();
        Sender owner = ownerId != null ? Sender.user(lookups.requireUser(userIdType, ownerId)) : creator;
        String description = Requests.optionalText(body, "description");
        String chatName = name == null ? "(无主题)" : name;
        Map<String, Object> data = state.idempotent(uuid == null || uuid.isEmpty() ? null : "chat:" + creator.id() + ":" + uuid,
                SimulatorState.CHAT_UUID_WINDOW, () -> {
                    SimChat chat = state.createChat(chatName, description, chatType, groupMessageType, owner, members);
                    if (creator.isUser()) {
                        state.addMembers(chat, List.of(creator.user()), creator);
                    }
                    return chatJson(chat, userIdType);
                });
        return SimResponse.ok(data);
    }

    private SimResponse addMembers(SimRequest request) {
        String memberIdType = Requests.oneOfQuery(request, "member_id_type", "open_id",
                Set.of("open_id", "union_id", "user_id", "app_id"));
        String succeedType = Requests.oneOfQuery(request, "succeed_type", "0", Set.of("0", "1", "2"));
        Sender caller = request.caller();
        SimChat chat = lookups.chatOfCaller(request.pathParam("chat_id"), caller);
        JsonNode body = Requests.body(request);
        List<String> ids = Requests.requiredTextList(body, "id_list", 1, memberIdType.equals("app_id") ? 5 : 50);
        List<SimUser> users = new ArrayList<>();
        List<String> notExisted = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String id : ids) {
            if (memberIdType.equals("app_id")) {
                if (id.equals(state.appId())) {
                    state.botMember(chat, true);
                } else {
                    invalid.add(id);
                }
                continue;
            }
            state.user(memberIdType, id).ifPresentOrElse(users::add, () -> notExisted.add(id));
        }
        if (!notExisted.isEmpty() && !succeedType.equals("1")) {
            throw Lookups.invalidId(memberIdType, String.join(",", notExisted), 99992351, "ou_7d8a6e6df7621556ce0d21922b676706ccs");
        }
        state.addMembers(chat, users, caller);
        return SimResponse.ok(Json.obj()
                .put("invalid_id_list", invalid)
                .put("not_existed_id_list", notExisted)
                .put("pending_approval_id_list", List.of())
                .map());
    }

    private Map<String, Object> chatJson(SimChat chat, String userIdType) {
        Json.Obj json = Json.obj()
                .put("chat_id", chat.chatId())
                .put("avatar", "https://s1-imfile.feishucdn.com/static-resource/v1/default-avatar~?image_size=72x72")
                .put("name", chat.name())
                .put("description", chat.description())
                .put("i18n_names", Map.of());
        if (chat.owner().isUser()) {
            json.put("owner_id", chat.owner().user().id(userIdType)).put("owner_id_type", userIdType);
        }
        return json
                .put("add_member_permission", "all_members")
                .put("share_card_permission", "allowed")
                .put("at_all_permission", "all_members")
                .put("edit_permission", "all_members")
                .put("moderation_permission", "all_members")
                .put("chat_mode", chat.chatMode())
                .put("chat_type", chat.chatType())
                .put("chat_tag", "inner")
                .put("external", false)
                .put("tenant_key", state.tenantKey())
                .put("join_message_visibility", "all_members")
                .put("leave_message_visibility", "all_members")
                .put("membership_approval", "no_approval_required")
                .put("group_message_type", chat.groupMessageType())
                .put("urgent_setting", "all_members")
                .put("video_conference_setting", "all_members")
                .put("hide_member_count_setting", "all_members")
                .map();
    }

    private static String oneOf(JsonNode body, String field, String defaultValue, Set<String> allowed) {
        String value = Requests.optionalText(body, field);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        if (!allowed.contains(value)) {
            throw LarkError.fieldValidation(field, field + " must be one of " + allowed);
        }
        return value;
    }
}
