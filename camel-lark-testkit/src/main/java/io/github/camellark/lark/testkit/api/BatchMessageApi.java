package io.github.camellark.lark.testkit.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.testkit.http.LarkError;
import io.github.camellark.lark.testkit.http.SimHttpServer;
import io.github.camellark.lark.testkit.http.SimRequest;
import io.github.camellark.lark.testkit.http.SimResponse;
import io.github.camellark.lark.testkit.state.SimBatchMessage;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.SimulatorState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code message/v4/batch_send} (content is an object, errors come with HTTP 200) and the im/v1
 * batch management calls. Department ids (open {@code od-…} or custom) reach the members of the
 * department and of its sub-departments; unknown ids are reported invalid. Delivery looks asynchronous: each {@code get_progress} call advances
 * {@code success_user_ids_count} by about a third of the recipients.
 */
final class BatchMessageApi {

    private static final Set<String> MSG_TYPES = Set.of("text", "post", "image", "share_chat", "interactive");
    private static final int MAX_IDS = 200;

    private final SimulatorState state;
    private final LegacyContent legacy;
    private final ContentRules rules;

    BatchMessageApi(SimulatorState state, LegacyContent legacy, ContentRules rules) {
        this.state = state;
        this.legacy = legacy;
        this.rules = rules;
    }

    void register(SimHttpServer server) {
        server.route("POST", "/open-apis/message/v4/batch_send", true, this::send);
        server.route("DELETE", "/open-apis/im/v1/batch_messages/{batch_message_id}", true, this::recall);
        server.route("GET", "/open-apis/im/v1/batch_messages/{batch_message_id}/read_user", true, this::readUser);
        server.route("GET", "/open-apis/im/v1/batch_messages/{batch_message_id}/get_progress", true, this::progress);
    }

    private SimResponse send(SimRequest request) {
        JsonNode body = request.json();
        if (body == null || !body.isObject()) {
            return legacyError(10002, "request body is not a JSON object");
        }
        String msgType = body.path("msg_type").asText("");
        if (!MSG_TYPES.contains(msgType)) {
            return legacyError(10003, "invalid param: msg_type must be one of " + MSG_TYPES);
        }
        JsonNode content = body.get("content");
        if (content != null && content.isTextual()) {
            return legacyError(10003, "invalid param: content of batch_send is a JSON object, not a string");
        }
        String imContent = legacy.toImContent(msgType, content, body.get("card"));
        if (imContent == null) {
            return legacyError(10003, "invalid param: content (or card for interactive) does not fit msg_type " + msgType);
        }
        if (msgType.equals("image") || msgType.equals("interactive")) {
            try {
                rules.parse(imContent);
                if (msgType.equals("interactive")) {
                    rules.checkCard(rules.parse(imContent));
                }
            } catch (LarkError e) {
                return legacyError(10003, "invalid param: " + e.msg());
            }
        }
        Map<String, List<String>> invalid = new LinkedHashMap<>();
        List<SimUser> recipients = new ArrayList<>();
        boolean anyTarget = false;
        for (String field : List.of("department_ids", "open_ids", "user_ids", "union_ids")) {
            List<String> ids = new ArrayList<>();
            body.path(field).forEach(n -> ids.add(n.asText()));
            anyTarget |= !ids.isEmpty();
            if (ids.size() > MAX_IDS) {
                return legacyError(10003, "invalid param: at most " + MAX_IDS + " " + field);
            }
            List<String> bad = new ArrayList<>();
            for (String id : ids) {
                List<SimUser> reached = field.equals("department_ids")
                        ? state.department(id).map(state::departmentMembers).orElse(null)
                        : state.user(field.substring(0, field.length() - 1), id).map(List::of).orElse(null);
                if (reached == null) {
                    bad.add(id);
                } else {
                    reached.stream().filter(user -> !recipients.contains(user)).forEach(recipients::add);
                }
            }
            invalid.put("invalid_" + field, bad);
        }
        if (!anyTarget) {
            return legacyError(10003, "invalid param: give department_ids, open_ids, user_ids or union_ids");
        }
        SimBatchMessage batch = state.createBatch(msgType, body.toString(), imContent, recipients);
        Json.Obj data = Json.obj().put("message_id", batch.batchMessageId());
        invalid.forEach(data::put);
        return SimResponse.ok(data.map());
    }

    private SimResponse recall(SimRequest request) {
        SimBatchMessage batch = batch(request);
        state.recallBatch(batch);
        return SimResponse.ok(Map.of());
    }

    private SimResponse readUser(SimRequest request) {
        SimBatchMessage batch = batch(request);
        int read = readCount(batch);
        return SimResponse.ok(Map.of("read_user", Json.obj()
                .put("read_count", Integer.toString(read))
                .put("total_count", Integer.toString(batch.recipients().size()))
                .map()));
    }

    private SimResponse progress(SimRequest request) {
        SimBatchMessage batch = batch(request);
        int reached = state.advanceBatchProgress(batch);
        int recalled = batch.recalled() ? (int) batch.messageIds().stream()
                .filter(id -> state.message(id).map(SimMessage::deleted).orElse(false)).count() : 0;
        return SimResponse.ok(Json.obj()
                .put("batch_message_send_progress", Json.obj()
                        .put("valid_user_ids_count", batch.recipients().size())
                        .put("success_user_ids_count", reached)
                        .put("read_user_ids_count", readCount(batch))
                        .map())
                .put("batch_message_recall_progress", Json.obj()
                        .put("recall", batch.recalled())
                        .put("recall_count", recalled)
                        .map())
                .map());
    }

    private int readCount(SimBatchMessage batch) {
        return (int) batch.messageIds().stream()
                .filter(id -> state.message(id).map(m -> !m.readers().isEmpty()).orElse(false))
                .count();
    }

    private SimBatchMessage batch(SimRequest request) {
        String id = request.pathParam("batch_message_id");
        return state.batchMessage(id).orElseThrow(() -> LarkError.badRequest(230001,
                "Your request contains an invalid request parameter, batch_message_id " + id + " does not exist."));
    }

    /** batch_send reports errors with HTTP 200 and a non-zero code. */
    private static SimResponse legacyError(int code, String msg) {
        return SimResponse.json(200, Json.obj().put("code", code).put("msg", msg).map());
    }
}
