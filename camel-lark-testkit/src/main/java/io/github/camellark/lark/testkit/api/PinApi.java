package io.github.camellark.lark.testkit.api;

import io.github.camellark.lark.testkit.http.LarkError;
import io.github.camellark.lark.testkit.http.SimHttpServer;
import io.github.camellark.lark.testkit.http.SimRequest;
import io.github.camellark.lark.testkit.http.SimResponse;
import io.github.camellark.lark.testkit.state.Sender;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimPin;
import io.github.camellark.lark.testkit.state.SimulatorState;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code im/v1/pins}: pin, unpin, list (newest first). */
final class PinApi {

    private final SimulatorState state;
    private final Lookups lookups;

    PinApi(SimulatorState state, Lookups lookups) {
        this.state = state;
        this.lookups = lookups;
    }

    void register(SimHttpServer server) {
        server.route("POST", "/open-apis/im/v1/pins", true, this::pin);
        server.route("DELETE", "/open-apis/im/v1/pins/{message_id}", true, this::unpin);
        server.route("GET", "/open-apis/im/v1/pins", true, this::list);
    }

    private SimResponse pin(SimRequest request) {
        String messageId = Requests.requiredText(Requests.body(request), "message_id");
        Sender caller = request.caller();
        SimMessage message = lookups.liveMessage(messageId);
        lookups.requireMember(lookups.chat(message.chatId()), caller);
        // pinning twice returns the existing pin
        SimPin pin = state.pin(message, caller);
        return SimResponse.ok(Map.of("pin", pinJson(pin)));
    }

    private SimResponse unpin(SimRequest request) {
        Sender caller = request.caller();
        SimMessage message = lookups.message(request.pathParam("message_id"));
        lookups.requireMember(lookups.chat(message.chatId()), caller);
        // unpinning a message that is not pinned (or recalled) succeeds
        state.unpin(message.messageId(), caller);
        return SimResponse.ok(Map.of());
    }

    private SimResponse list(SimRequest request) {
        String chatId = Requests.requiredQuery(request, "chat_id");
        SimChat chat = lookups.chatOfCaller(chatId, request.caller());
        Instant start = Requests.epochQuery(request, "start_time", true);
        Instant end = Requests.epochQuery(request, "end_time", true);
        int pageSize = Requests.pageSize(request, 20, 50);
        List<SimPin> pins = state.pins().stream()
                .filter(p -> p.chatId().equals(chat.chatId()))
                .filter(p -> start == null || !p.createTime().isBefore(start))
                .filter(p -> end == null || !p.createTime().isAfter(end))
                .sorted(Comparator.comparing(SimPin::createTime).reversed())
                .toList();
        Page<SimPin> page = Page.of(pins, pageSize, request.queryParam("page_token"),
                "pins:" + chatId + ":" + start + ":" + end, LarkError.fieldValidation("page_token", "invalid page_token"));
        return SimResponse.ok(page.toJson(PinApi::pinJson));
    }

    static Map<String, Object> pinJson(SimPin pin) {
        return Json.obj()
                .put("message_id", pin.messageId())
                .put("chat_id", pin.chatId())
                .put("operator_id", pin.operator().id())
                .put("operator_id_type", pin.operator().isUser() ? "open_id" : "app_id")
                .put("create_time", Requests.millis(pin.createTime()))
                .map();
    }
}
