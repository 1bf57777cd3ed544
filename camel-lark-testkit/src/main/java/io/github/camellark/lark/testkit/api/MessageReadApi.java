package io.github.camellark.lark.testkit.api;

import io.github.camellark.lark.testkit.http.LarkError;
import io.github.camellark.lark.testkit.http.SimHttpServer;
import io.github.camellark.lark.testkit.http.SimRequest;
import io.github.camellark.lark.testkit.http.SimResponse;
import io.github.camellark.lark.testkit.state.Sender;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.SimulatorState;
import io.github.camellark.lark.testkit.state.StoredResource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading {@code im/v1/messages}: history, get, read users and resource download. */
final class MessageReadApi {

    private final SimulatorState state;
    private final Lookups lookups;
    private final ContentRules rules;
    private final MessageViews views;

    MessageReadApi(SimulatorState state, Lookups lookups, ContentRules rules, MessageViews views) {
        this.state = state;
        this.lookups = lookups;
        this.rules = rules;
        this.views = views;
    }

    void register(SimHttpServer server) {
        String messages = "/open-apis/im/v1/messages";
        server.route("GET", messages, true, this::list);
        server.route("GET", messages + "/{message_id}/read_users", true, this::readUsers);
        server.route("GET", messages + "/{message_id}", true, this::get);
        server.route("GET", messages + "/{message_id}/resources/{file_key}", true, this::resource);
    }

    private SimResponse list(SimRequest request) {
        String containerType = Requests.oneOfQuery(request, "container_id_type", null, Set.of("chat", "thread"));
        String containerId = Requests.requiredQuery(request, "container_id");
        String sort = Requests.oneOfQuery(request, "sort_type", "ByCreateTimeAsc", Set.of("ByCreateTimeAsc", "ByCreateTimeDesc"));
        int pageSize = Requests.pageSize(request, 20, 50);
        Instant start = Requests.epochQuery(request, "start_time", false);
        Instant end = Requests.epochQuery(request, "end_time", false);
        Sender caller = request.caller();
        List<SimMessage> messages;
        if (containerType.equals("chat")) {
            SimChat chat = lookups.chatOfCaller(containerId, caller);
            // chat containers show top-level messages and thread roots; thread replies and
            // merge-forward children are read through the thread container / GET message
            messages = state.messagesIn(chat).stream()
                    .filter(m -> m.upperMessageId() == null)
                    .filter(m -> m.threadId() == null || m.rootId() == null)
                    .filter(m -> start == null || !m.createTime().isBefore(start))
                    .filter(m -> end == null || !m.createTime().isAfter(end))
                    .toList();
        } else {
            SimMessage root = state.threadRoot(containerId)
                    .orElseThrow(() -> LarkError.badRequest(230019, "The thread does not exist."));
            lookups.chatOfCaller(root.chatId(), caller);
            messages = state.messagesInThread(containerId).stream().filter(m -> m.upperMessageId() == null).toList();
        }
        Comparator<SimMessage> order = Comparator.comparing(SimMessage::createTime);
        List<SimMessage> sorted = messages.stream()
                .sorted(sort.equals("ByCreateTimeDesc") ? order.reversed() : order)
                .toList();
        String listKey = "messages:" + containerType + ":" + containerId + ":" + sort + ":" + start + ":" + end;
        Page<SimMessage> page = Page.of(sorted, pageSize, request.queryParam("page_token"), listKey,
                LarkError.badRequest(230001, "Your request contains an invalid request parameter, page_token is "
                        + "invalid or belongs to another query (the sort order cannot change while paging)."));
        String userIdType = MessageApi.userIdType(request, "open_id");
        return SimResponse.ok(page.toJson(m -> views.json(m, userIdType)));
    }

    private SimResponse get(SimRequest request) {
        Sender caller = request.caller();
        SimMessage message = lookups.message(request.pathParam("message_id"));
        lookups.chatOfCaller(message.chatId(), caller);
        String userIdType = MessageApi.userIdType(request, "open_id");
        List<SimMessage> items = new ArrayList<>();
        items.add(message);
        if (message.msgType().equals("merge_forward")) {
            state.messages().stream().filter(m -> message.messageId().equals(m.upperMessageId())).forEach(items::add);
        }
        return SimResponse.ok(Map.of("items", views.json(items, userIdType)));
    }

    private SimResponse readUsers(SimRequest request) {
        String userIdType = Requests.oneOfQuery(request, "user_id_type", null, MessageApi.USER_ID_TYPES);
        int pageSize = Requests.pageSize(request, 20, 100);
        Sender caller = request.caller();
        SimMessage message = lookups.liveMessage(request.pathParam("message_id"));
        lookups.chatOfCaller(message.chatId(), caller);
        if (!MessageApi.sameSender(message, caller) || message.batchMessageId() != null) {
            throw LarkError.badRequest(230001, "Your request contains an invalid request parameter, only the read "
                    + "state of the bot's own (non-batch) messages can be queried.");
        }
        List<Map<String, Object>> readers = message.readers().entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(e -> {
                    SimUser user = state.user("open_id", e.getKey()).orElseThrow();
                    return Json.obj()
                            .put("user_id_type", userIdType)
                            .put("user_id", user.id(userIdType))
                            .put("timestamp", Requests.millis(e.getValue()))
                            .put("tenant_key", user.tenantKey())
                            .map();
                })
                .toList();
        Page<Map<String, Object>> page = Page.of(readers, pageSize, request.queryParam("page_token"),
                "read_users:" + message.messageId() + ":" + userIdType,
                LarkError.fieldValidation("page_token", "invalid page_token"));
        return SimResponse.ok(page.toJson(item -> item));
    }

    private SimResponse resource(SimRequest request) {
        String type = Requests.oneOfQuery(request, "type", null, Set.of("image", "file"));
        Sender caller = request.caller();
        SimMessage message = lookups.liveMessage(request.pathParam("message_id"));
        lookups.chatOfCaller(message.chatId(), caller);
        String key = request.pathParam("file_key");
        if (message.upperMessageId() != null || message.msgType().equals("interactive")) {
            throw LarkError.badRequest(234043, "Unsupported message type: resources of merge-forward children and "
                    + "cards cannot be downloaded.");
        }
        StoredResource.Kind kind = type.equals("image") ? StoredResource.Kind.IMAGE : StoredResource.Kind.FILE;
        StoredResource resource = state.resource(key)
                .filter(r -> r.kind() == kind)
                .filter(r -> rules.resourceKeys(message.content()).contains(key))
                // (unverified) the code Lark gives for a key that is not in the message
                .orElseThrow(() -> LarkError.badRequest(234003, "File not in msg: " + key + " is not a " + type
                        + " of message " + message.messageId() + "."));
        return SimResponse.file(resource.path(), resource.contentType(), resource.fileName());
    }
}
