package io.github.camellark.lark.testkit.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.testkit.http.LarkError;
import io.github.camellark.lark.testkit.http.SimHttpServer;
import io.github.camellark.lark.testkit.http.SimRequest;
import io.github.camellark.lark.testkit.http.SimResponse;
import io.github.camellark.lark.testkit.state.CardToken;
import io.github.camellark.lark.testkit.state.Cards;
import io.github.camellark.lark.testkit.state.Sender;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimEphemeralCard;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.SimulatorState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Card updates: PATCH of a sent card (shared cards only: old and new card need
 * {@code config.update_multi: true}; ≤ 14 days old, 230031), the delayed update by callback token
 * ({@code interactive/v1/card/update}: token good for 2 uses within 30 min), and ephemeral cards.
 * Codes for the token and ephemeral errors are (unverified).
 */
final class CardApi {

    private final SimulatorState state;
    private final Lookups lookups;
    private final ContentRules rules;

    CardApi(SimulatorState state, Lookups lookups, ContentRules rules) {
        this.state = state;
        this.lookups = lookups;
        this.rules = rules;
    }

    void register(SimHttpServer server) {
        server.route("PATCH", "/open-apis/im/v1/messages/{message_id}", true, this::patch);
        server.route("POST", "/open-apis/interactive/v1/card/update", true, this::delayedUpdate);
        server.route("POST", "/open-apis/ephemeral/v1/send", true, this::sendEphemeral);
        server.route("POST", "/open-apis/ephemeral/v1/delete", true, this::deleteEphemeral);
    }

    private SimResponse patch(SimRequest request) {
        Sender caller = request.caller();
        SimMessage message = lookups.liveMessage(request.pathParam("message_id"));
        lookups.chatOfCaller(message.chatId(), caller);
        JsonNode body = Requests.body(request);
        String content = Requests.requiredText(body, "content");
        rules.checkSize("interactive", content);
        JsonNode card = rules.parse(content);
        rules.checkCard(card);
        if (!message.msgType().equals("interactive") || message.batchMessageId() != null) {
            throw ContentRules.invalidContent("only interactive (card) messages that were not batch-sent can be PATCHed");
        }
        if (!MessageApi.sameSender(message, caller)) {
            throw ContentRules.invalidContent("only the sender of a card can update it");
        }
        if (Duration.between(message.createTime(), state.now()).compareTo(Duration.ofDays(14)) > 0) {
            throw LarkError.badRequest(230031, "The card message is older than 14 days and can no longer be updated.");
        }
        if (!Cards.isShared(rules.parse(message.content())) || !Cards.isShared(card)) {
            throw ContentRules.invalidContent("both the old and the new card must set config.update_multi=true "
                    + "(shared card) to be updated");
        }
        state.replaceCard(message, content);
        state.record("card_patch", message.messageId(), List.of(), content);
        return SimResponse.ok(Map.of());
    }

    private SimResponse delayedUpdate(SimRequest request) {
        JsonNode body = Requests.body(request);
        String token = Requests.requiredText(body, "token");
        JsonNode card = body.get("card");
        if (card == null || !card.isObject()) {
            throw LarkError.fieldValidation("card", "card is required (a card JSON object)");
        }
        String cardJson = card.toString();
        rules.checkSize("interactive", cardJson);
        rules.checkCard(card);
        CardToken used = state.useCardToken(token).orElseThrow(() -> LarkError.badRequest(10002,
                "The card token is invalid, expired (30 min) or used up (2 updates)."));
        SimMessage message = lookups.message(used.messageId());
        List<String> openIds = new ArrayList<>();
        card.path("open_ids").forEach(n -> openIds.add(n.asText()));
        if (openIds.isEmpty()) {
            // shared card: everyone sees the new version
            state.replaceCard(message, cardJson);
        }
        state.record("card_delay_update", message.messageId(), openIds, cardJson);
        return SimResponse.json(200, Json.obj().put("code", 0).put("msg", "success").map());
    }

    private SimResponse sendEphemeral(SimRequest request) {
        JsonNode body = Requests.body(request);
        String chatId = Requests.requiredText(body, "chat_id");
        String msgType = Requests.requiredText(body, "msg_type");
        if (!msgType.equals("interactive")) {
            throw LarkError.fieldValidation("msg_type", "ephemeral messages are interactive cards");
        }
        JsonNode card = body.get("card");
        if (card == null || !card.isObject()) {
            throw LarkError.fieldValidation("card", "card is required (a card JSON object)");
        }
        rules.checkSize("interactive", card.toString());
        rules.checkCard(card);
        // server precedence: open_id > user_id > email
        SimUser user;
        if (Requests.optionalText(body, "open_id") != null) {
            user = lookups.requireUser("open_id", body.get("open_id").asText());
        } else if (Requests.optionalText(body, "user_id") != null) {
            user = lookups.requireUser("user_id", body.get("user_id").asText());
        } else if (Requests.optionalText(body, "email") != null) {
            user = lookups.requireUser("email", body.get("email").asText());
        } else {
            throw LarkError.fieldValidation("open_id", "one of open_id, user_id or email is required");
        }
        SimChat chat = lookups.chatOfCaller(chatId, request.caller());
        if (chat.isP2p() || "thread".equals(chat.groupMessageType())) {
            throw ContentRules.invalidContent("ephemeral cards are for normal group chats only");
        }
        if (!chat.hasMember(user)) {
            throw ContentRules.invalidContent("the user is not in the chat");
        }
        SimEphemeralCard sent = state.sendEphemeral(chat, user, card.toString());
        return SimResponse.ok(Map.of("message_id", sent.messageId()));
    }

    private SimResponse deleteEphemeral(SimRequest request) {
        String messageId = Requests.requiredText(Requests.body(request), "message_id");
        SimEphemeralCard card = state.ephemeralCard(messageId).filter(c -> !c.deleted())
                .orElseThrow(() -> ContentRules.invalidContent("no ephemeral card " + messageId));
        state.deleteEphemeral(card.messageId());
        return SimResponse.json(200, Json.obj().put("code", 0).put("msg", "success").map());
    }
}
