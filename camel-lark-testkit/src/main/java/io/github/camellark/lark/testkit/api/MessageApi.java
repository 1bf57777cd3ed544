package io.github.camellark.lark.testkit.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.testkit.http.LarkError;
import io.github.camellark.lark.testkit.http.SimHttpServer;
import io.github.camellark.lark.testkit.http.SimRequest;
import io.github.camellark.lark.testkit.http.SimResponse;
import io.github.camellark.lark.testkit.state.Sender;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.SimulatorState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code im/v1/messages}: send, reply, edit, recall, forward, merge-forward, thread forward and follow-up bubbles.
 * {@link MessageReadApi} serves the reading calls.
 */
final class MessageApi {

    static final Set<String> USER_ID_TYPES = Set.of("open_id", "union_id", "user_id");
    private static final Set<String> SEND_ID_TYPES = Set.of("open_id", "union_id", "user_id", "email", "chat_id");
    private static final Set<String> FORWARD_ID_TYPES = Set.of("open_id", "union_id", "user_id", "email", "chat_id", "thread_id");
    private static final int MAX_EDITS = 20;
    private static final Duration RECALL_WINDOW = Duration.ofHours(24);
    private static final Duration FOLLOW_UP_WINDOW = Duration.ofSeconds(600);

    private final SimulatorState state;
    private final Lookups lookups;
    private final ContentRules rules;
    private final MessageViews views;

    MessageApi(SimulatorState state, Lookups lookups, ContentRules rules, MessageViews views) {
        this.state = state;
        this.lookups = lookups;
        this.rules = rules;
        this.views = views;
    }

    void register(SimHttpServer server) {
        String messages = "/open-apis/im/v1/messages";
        server.route("POST", messages, true, this::send);
        server.route("POST", messages + "/merge_forward", true, this::mergeForward);
        server.route("POST", messages + "/{message_id}/reply", true, this::reply);
        server.route("PUT", messages + "/{message_id}", true, this::edit);
        server.route("DELETE", messages + "/{message_id}", true, this::recall);
        server.route("POST", messages + "/{message_id}/forward", true, this::forward);
        server.route("POST", "/open-apis/im/v1/threads/{thread_id}/forward", true, this::forwardThread);
        server.route("POST", messages + "/{message_id}/push_follow_up", true, this::pushFollowUp);
    }

    // ------------------------------------------------------------------ send family

    private SimResponse send(SimRequest request) {
        String receiveIdType = Requests.oneOfQuery(request, "receive_id_type", null, SEND_ID_TYPES);
        JsonNode body = Requests.body(request);
        String receiveId = Requests.requiredText(body, "receive_id");
        String msgType = rules.msgType(body, ContentRules.MSG_TYPES);
        String content = rules.content(body, msgType);
        String uuid = uuid(Requests.optionalText(body, "uuid"));
        Sender caller = request.caller();
        Target target = target(receiveIdType, receiveId, caller);
        if (msgType.equals("system") && !target.chat().isP2p()) {
            throw LarkError.badRequest(230054, "This message type is not supported in this chat: system messages "
                    + "are only for p2p chats.");
        }
        return SimResponse.ok(once(caller, "send", uuid, () ->
                views.json(state.postMessage(target.chat(), caller, msgType, content))));
    }

    private SimResponse reply(SimRequest request) {
        Sender caller = request.caller();
        SimMessage parent = lookups.liveMessage(request.pathParam("message_id"));
        SimChat chat = lookups.chatOfCaller(parent.chatId(), caller);
        JsonNode body = Requests.body(request);
        String msgType = rules.msgType(body, ContentRules.MSG_TYPES);
        String content = rules.content(body, msgType);
        boolean replyInThread = bool(body, "reply_in_thread");
        String uuid = uuid(Requests.optionalText(body, "uuid"));
        if (parent.batchMessageId() != null) {
            throw ContentRules.invalidContent("messages sent by batch_send cannot be replied to");
        }
        if (msgType.equals("system")) {
            throw LarkError.badRequest(230054, "This message type is not supported in this chat.");
        }
        boolean inThread = replyInThread || parent.threadId() != null || "thread".equals(chat.groupMessageType());
        return SimResponse.ok(once(caller, "reply", uuid, () ->
                views.json(state.replyTo(parent, caller, msgType, content, inThread))));
    }

    private SimResponse edit(SimRequest request) {
        Sender caller = request.caller();
        SimMessage message = lookups.liveMessage(request.pathParam("message_id"));
        lookups.chatOfCaller(message.chatId(), caller);
        JsonNode body = Requests.body(request);
        String msgType = rules.msgType(body, Set.of("text", "post"));
        String content = rules.content(body, msgType);
        if (!sameSender(message, caller)) {
            throw LarkError.badRequest(230071, "The operator is not the sender of the message.");
        }
        if (message.batchMessageId() != null || !Set.of("text", "post").contains(message.msgType())) {
            throw ContentRules.invalidContent("only text and post messages can be edited; use PATCH for cards");
        }
        if (message.editCount() >= MAX_EDITS) {
            throw LarkError.badRequest(230072, "The message has reached the number of times it can be edited (20).");
        }
        state.editMessage(message, msgType, content);
        return SimResponse.ok(views.json(message));
    }

    private SimResponse recall(SimRequest request) {
        Sender caller = request.caller();
        SimMessage message = lookups.message(request.pathParam("message_id"));
        if (message.deleted()) {
            throw LarkError.badRequest(230110, "The message has been deleted.");
        }
        SimChat chat = lookups.chatOfCaller(message.chatId(), caller);
        if (message.batchMessageId() != null) {
            throw LarkError.badRequest(230001, "Messages sent by batch_send are recalled with "
                    + "DELETE /open-apis/im/v1/batch_messages/:batch_message_id.");
        }
        Duration age = Duration.between(message.createTime(), state.now());
        if (sameSender(message, caller)) {
            if (age.compareTo(RECALL_WINDOW) > 0) {
                throw LarkError.badRequest(230009, "The message can only be recalled within one day.");
            }
        } else {
            boolean owner = caller.isApp() ? chat.owner().isApp() : caller.equals(chat.owner());
            if (!owner || age.compareTo(Duration.ofDays(365)) > 0) {
                throw LarkError.badRequest(230026, "No permission to recall this message.");
            }
        }
        state.recall(message, caller);
        return SimResponse.ok(Map.of());
    }

    private SimResponse forward(SimRequest request) {
        String receiveIdType = Requests.oneOfQuery(request, "receive_id_type", null, FORWARD_ID_TYPES);
        String uuid = uuid(request.queryParam("uuid"));
        Sender caller = request.caller();
        SimMessage source = lookups.liveMessage(request.pathParam("message_id"));
        lookups.chatOfCaller(source.chatId(), caller);
        String receiveId = Requests.requiredText(Requests.body(request), "receive_id");
        Target target = target(receiveIdType, receiveId, caller);
        // one success per target per hour for a uuid
        return SimResponse.ok(once(caller, "forward:" + receiveId, uuid, () ->
                views.json(state.copyMessage(source, target.chat(), caller, target.threadRoot(), null))));
    }

    private SimResponse mergeForward(SimRequest request) {
        String receiveIdType = Requests.oneOfQuery(request, "receive_id_type", null, FORWARD_ID_TYPES);
        String uuid = uuid(request.queryParam("uuid"));
        Sender caller = request.caller();
        JsonNode body = Requests.body(request);
        String receiveId = Requests.requiredText(body, "receive_id");
        List<String> ids = Requests.requiredTextList(body, "message_id_list", 1, 100);
        List<SimMessage> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String id : ids) {
            SimMessage m = state.message(id).orElse(null);
            if (m == null || m.deleted() || m.upperMessageId() != null || m.msgType().equals("system")) {
                invalid.add(id);
            } else {
                valid.add(m);
            }
        }
        if (valid.isEmpty()) {
            throw LarkError.badRequest(230001, "Your request contains an invalid request parameter, no message of "
                    + "message_id_list can be forwarded.");
        }
        if (valid.stream().map(SimMessage::chatId).distinct().count() > 1) {
            throw LarkError.badRequest(230001, "Your request contains an invalid request parameter, the messages "
                    + "of message_id_list must come from one chat.");
        }
        lookups.chatOfCaller(valid.get(0).chatId(), caller);
        Target target = target(receiveIdType, receiveId, caller);
        Map<String, Object> data = once(caller, "merge_forward:" + receiveId, uuid, () -> {
            SimMessage merged = storeMergeForward(target, caller, valid);
            return Json.obj().put("message", views.json(merged)).put("invalid_message_id_list", invalid).map();
        });
        return SimResponse.ok(data);
    }

    private SimResponse forwardThread(SimRequest request) {
        String receiveIdType = Requests.oneOfQuery(request, "receive_id_type", null, FORWARD_ID_TYPES);
        String uuid = uuid(request.queryParam("uuid"));
        Sender caller = request.caller();
        String threadId = request.pathParam("thread_id");
        SimMessage root = state.threadRoot(threadId)
                .orElseThrow(() -> LarkError.badRequest(230019, "The thread does not exist."));
        lookups.chatOfCaller(root.chatId(), caller);
        String receiveId = Requests.requiredText(Requests.body(request), "receive_id");
        Target target = target(receiveIdType, receiveId, caller);
        List<SimMessage> thread = state.messagesInThread(threadId).stream().filter(m -> !m.deleted()).toList();
        return SimResponse.ok(once(caller, "thread_forward:" + receiveId, uuid, () ->
                views.json(storeMergeForward(target, caller, thread))));
    }

    /** A merge_forward container plus one child copy per message (children carry upper_message_id). */
    private SimMessage storeMergeForward(Target target, Sender caller, List<SimMessage> messages) {
        SimMessage container = target.threadRoot() == null
                ? state.postMessage(target.chat(), caller, "merge_forward", "Merged and Forwarded Message")
                : state.replyTo(target.threadRoot(), caller, "merge_forward", "Merged and Forwarded Message", true);
        for (SimMessage m : messages) {
            state.copyMessage(m, target.chat(), m.sender(), null, container.messageId());
        }
        return container;
    }

    // ------------------------------------------------------------------ follow-ups

    private SimResponse pushFollowUp(SimRequest request) {
        Sender caller = request.caller();
        SimMessage message = lookups.liveMessage(request.pathParam("message_id"));
        SimChat chat = lookups.chatOfCaller(message.chatId(), caller);
        JsonNode body = Requests.body(request);
        JsonNode followUps = body.get("follow_ups");
        if (followUps == null || !followUps.isArray() || followUps.isEmpty()) {
            throw LarkError.fieldValidation("follow_ups", "follow_ups is required");
        }
        List<String> contents = new ArrayList<>();
        for (JsonNode followUp : followUps) {
            contents.add(Requests.requiredText(followUp, "content"));
        }
        SimMessage latest = state.messagesIn(chat).stream().filter(m -> !m.deleted())
                .max(Comparator.comparing(SimMessage::createTime)).orElse(null);
        // (unverified) codes: Lark documents the rules, not the numbers
        if (!chat.isP2p() || !caller.isApp() || !sameSender(message, caller)) {
            throw ContentRules.invalidContent("follow-up bubbles go on the bot's own messages in p2p chats");
        }
        if (latest != message || Duration.between(message.createTime(), state.now()).compareTo(FOLLOW_UP_WINDOW) > 0) {
            throw ContentRules.invalidContent("follow-up bubbles go on the latest message of the chat, at most 600 s old");
        }
        state.addFollowUps(message, contents);
        state.record("push_follow_up", message.messageId(), List.of(), body.get("follow_ups").toString());
        return SimResponse.ok(Map.of());
    }

    // ------------------------------------------------------------------ helpers

    private record Target(SimChat chat, SimMessage threadRoot) {
    }

    private Target target(String receiveIdType, String receiveId, Sender caller) {
        switch (receiveIdType) {
            case "chat_id":
                return new Target(lookups.chatOfCaller(receiveId, caller), null);
            case "thread_id": {
                SimMessage root = state.threadRoot(receiveId)
                        .orElseThrow(() -> LarkError.badRequest(230019, "The thread does not exist."));
                lookups.chatOfCaller(root.chatId(), caller);
                return new Target(state.chat(root.chatId()).orElseThrow(), root);
            }
            default: {
                SimUser user = lookups.requireUser(receiveIdType, receiveId);
                if (caller.isUser()) {
                    throw ContentRules.invalidContent("the simulator only models p2p chats between the bot and a "
                            + "user; send to a chat_id when acting as a user");
                }
                return new Target(state.p2pChat(user), null);
            }
        }
    }

    private Map<String, Object> once(Sender caller, String operation, String uuid, Supplier<Map<String, Object>> action) {
        if (uuid == null) {
            return action.get();
        }
        try {
            return state.idempotent(operation + ":" + caller.id() + ":" + uuid, SimulatorState.MESSAGE_UUID_WINDOW, action);
        } catch (SimulatorState.InFlightException e) {
            throw LarkError.badRequest(230049, "The message is being sent, please try again later.");
        }
    }

    private static String uuid(String uuid) {
        if (uuid != null && uuid.length() > 50) {
            throw LarkError.fieldValidation("uuid", "uuid must be at most 50 characters");
        }
        return uuid == null || uuid.isEmpty() ? null : uuid;
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new LarkError(400, 9499, "Invalid parameter type in json: " + field
                    + ". Please check and modify accordingly.");
        }
        return node.asBoolean();
    }

    static boolean sameSender(SimMessage message, Sender caller) {
        return message.sender().kind() == caller.kind() && message.sender().id().equals(caller.id());
    }

    static String userIdType(SimRequest request, String defaultType) {
        return Requests.oneOfQuery(request, "user_id_type", defaultType, USER_ID_TYPES);
    }
}
