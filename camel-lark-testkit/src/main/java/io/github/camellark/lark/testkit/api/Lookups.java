package io.github.camellark.lark.testkit.api;

import io.github.camellark.lark.testkit.http.LarkError;
import io.github.camellark.lark.testkit.state.Sender;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.SimulatorState;

import java.util.List;
import java.util.Optional;

/**
 * Finds the ids a request names and fails the way Lark does when they do not exist or the caller
 * may not see them. Unknown ids get the platform's 9999235x "not a valid {type} or not exists"
 * errors (99992351 open_id, 99992354 message_id, 99992356 chat_id per Lark's generic error codes; the codes for
 * union_id and user_id are (unverified) and reuse 99992352/99992353).
 */
final class Lookups {

    private final SimulatorState state;

    Lookups(SimulatorState state) {
        this.state = state;
    }

    SimMessage message(String messageId) {
        return state.message(messageId).orElseThrow(() -> invalidId("message_id", messageId, 99992354,
                "om_dc13264520392913993dd051dba21dcf"));
    }

    /** A message that still exists (not recalled), else 230011. */
    SimMessage liveMessage(String messageId) {
        SimMessage message = message(messageId);
        if (message.deleted()) {
            throw LarkError.badRequest(230011, "The message was withdrawn.");
        }
        return message;
    }

    SimChat chat(String chatId) {
        return state.chat(chatId).orElseThrow(() -> invalidId("chat_id", chatId, 99992356,
                "oc_a0553eda9014c201e6969b478895c230"));
    }

    /** A chat the caller is in (230002 when not, as Lark answers for a bot outside the group). */
    SimChat chatOfCaller(String chatId, Sender caller) {
        SimChat chat = chat(chatId);
        requireMember(chat, caller);
        return chat;
    }

    void requireMember(SimChat chat, Sender caller) {
        boolean member = caller.isUser() ? chat.hasMember(caller.user()) : chat.botIsMember();
        if (!member) {
            throw LarkError.badRequest(230002, "Bot/User can NOT be out of the chat.");
        }
    }

    Optional<SimUser> user(String idType, String id) {
        return state.user(idType, id);
    }

    SimUser requireUser(String idType, String id) {
        return user(idType, id).orElseThrow(() -> invalidId(idType, id, userIdCode(idType), userIdExample(idType)));
    }

    static LarkError invalidId(String idType, String id, int code, String example) {
        return new LarkError(400, code, "The request you send is not a valid {" + idType + "} or not exists, and the "
                + "example value is {" + example + "}. Invalid ids: [" + id + "] . Please see field_violations for "
                + "details and refer to API documentation to correct accordingly and resubmit",
                List.of(new LarkError.FieldViolation(idType, "invalid " + idType + ": " + id)));
    }

    private static int userIdCode(String idType) {
        return switch (idType) {
            case "union_id" -> 99992352;
            case "user_id" -> 99992353;
            default -> 99992351;
        };
    }

    private static String userIdExample(String idType) {
        return switch (idType) {
            case "union_id" -> "on_94a1ee5551019f18cd73d9f111898cf2";
            case "user_id" -> "7be5fg9a";
            case "email" -> "zhangsan@example.com";
            default -> "ou_7d8a6e6df7621556ce0d21922b676706ccs";
        };
    }
}
