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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Buzz a message ({@code urgent_app}, {@code urgent_sms}, {@code urgent_phone}): only the bot's own
 * messages (230012), users must be in the chat; those who are not come back in
 * {@code invalid_user_id_list}, and if none is valid the call fails with 230001.
 */
final class UrgentApi {

    private final SimulatorState state;
    private final Lookups lookups;

    UrgentApi(SimulatorState state, Lookups lookups) {
        this.state = state;
        this.lookups = lookups;
    }

    void register(SimHttpServer server) {
        for (String kind : List.of("urgent_app", "urgent_sms", "urgent_phone")) {
            server.route("PATCH", "/open-apis/im/v1/messages/{message_id}/" + kind, true, request -> buzz(request, kind));
        }
    }

    private SimResponse buzz(SimRequest request, String kind) {
        String userIdType = Requests.oneOfQuery(request, "user_id_type", null, MessageApi.USER_ID_TYPES);
        List<String> ids = Requests.requiredTextList(Requests.body(request), "user_id_list", 1, 200);
        Sender caller = request.caller();
        SimMessage message = lookups.liveMessage(request.pathParam("message_id"));
        SimChat chat = lookups.chatOfCaller(message.chatId(), caller);
        if (!MessageApi.sameSender(message, caller) || message.batchMessageId() != null) {
            throw LarkError.badRequest(230012, "The bot can only buzz its own (non-batch) messages.");
        }
        List<String> invalid = new ArrayList<>();
        List<String> buzzed = new ArrayList<>();
        for (String id : ids) {
            SimUser user = state.user(userIdType, id).orElse(null);
            if (user == null || !chat.hasMember(user)) {
                invalid.add(id);
            } else {
                buzzed.add(user.openId());
            }
        }
        if (buzzed.isEmpty()) {
            throw LarkError.badRequest(230001, "Your request contains an invalid request parameter, none of "
                    + "user_id_list is in the chat.");
        }
        state.record(kind, message.messageId(), buzzed, null);
        return SimResponse.ok(Map.of("invalid_user_id_list", invalid));
    }
}
