package io.github.camellark.lark.testkit.control;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.events.CardClick;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.http.SimResponse;
import io.github.camellark.lark.testkit.state.Sender;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.StoredResource;

/** Control calls that make simulated people act; each action produces the event Lark would push. */
final class ControlActs {

    private static final Duration DEFAULT_CLICK_WAIT = Duration.ofSeconds(5);

    private final LarkSimulator sim;
    private final ControlApi api;

    ControlActs(LarkSimulator sim, ControlApi api) {
        this.sim = sim;
        this.api = api;
    }

    void register() {
        api.route("POST", "/messages", request -> send(api.input(request)));
        api.route("POST", "/messages/{message_id}/read", request -> {
            ControlInput in = api.input(request);
            boolean first = sim.state().markRead(in.user(in.text("user")), in.message(request.pathParam("message_id")));
            return ControlApi.ok(ControlViews.object("first_read", first));
        });
        api.route("POST", "/messages/{message_id}/reactions", request -> {
            ControlInput in = api.input(request);
            return ControlApi.ok(ControlViews.reaction(sim.state().userReacts(in.user(in.text("user")),
                    in.message(request.pathParam("message_id")), in.text("emoji_type"))));
        });
        api.route("DELETE", "/reactions/{reaction_id}", request -> ControlApi.ok(ControlViews.reaction(
                sim.state().removeReaction(request.pathParam("reaction_id"))
                        .orElseThrow(() -> ControlInput.notFound("no reaction " + request.pathParam("reaction_id"))))));
        api.route("POST", "/messages/{message_id}/recall", request -> {
            ControlInput in = api.input(request);
            SimMessage message = in.message(request.pathParam("message_id"));
            sim.state().recall(message, Sender.user(in.user(in.text("user"))));
            return ControlApi.ok(ControlViews.message(message));
        });
        api.route("POST", "/cards/click", request -> click(api.input(request)));
        api.route("POST", "/chats/{chat}/members", request -> members(api.input(request), request.pathParam("chat"), true));
        api.route("POST", "/chats/{chat}/members/remove", request -> members(api.input(request), request.pathParam("chat"), false));
        api.route("POST", "/events", request -> pushEvent(api.input(request)));
    }

    /**
     * A person sends a message: {@code text}, or {@code msg_type} + {@code content} (an object or a JSON string), or an
     * image ({@code msg_type} "image" with {@code image_base64}, stored as if uploaded, or an existing {@code image_key}).
     * To a chat ({@code chat}) or one-to-one to the bot ({@code to_bot: true}); {@code reply_to} makes it a reply.
     */
    private SimResponse send(ControlInput in) throws JsonProcessingException {
        SimUser from = in.user(in.text("from"));
        SimChat chat = in.bool("to_bot", false) ? sim.state().p2pChat(from) : in.chat(in.text("chat"));
        String msgType = in.optionalText("msg_type").orElse("text");
        String content = content(in, msgType);
        SimMessage message;
        if (in.optionalText("reply_to").isPresent()) {
            SimMessage parent = in.message(in.text("reply_to"));
            if (!chat.hasMember(from) || !parent.chatId().equals(chat.chatId())) {
                throw ControlInput.invalid(from.name() + " cannot reply in " + chat.chatId() + " to " + parent.messageId());
            }
            message = sim.state().replyTo(parent, Sender.user(from), msgType, content, false);
        } else {
            message = sim.state().userSends(from, chat, msgType, content);
        }
        return ControlApi.ok(ControlViews.message(message));
    }

    private String content(ControlInput in, String msgType) throws JsonProcessingException {
        if (msgType.equals("text") && in.optionalText("text").isPresent()) {
            return sim.state().textContent(in.text("text"));
        }
        if (msgType.equals("image") && in.optionalText("image_base64").isPresent()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(in.text("image_base64"));
            } catch (IllegalArgumentException e) {
                throw ControlInput.invalid("\"image_base64\" is not base64: " + e.getMessage());
            }
            StoredResource image = sim.state().storeBytes(StoredResource.Kind.IMAGE, "message", null,
                    in.optionalText("image_content_type").orElse("image/png"), bytes);
            return sim.mapper().writeValueAsString(Map.of("image_key", image.key()));
        }
        if (msgType.equals("image") && in.optionalText("image_key").isPresent()) {
            return sim.mapper().writeValueAsString(Map.of("image_key", in.text("image_key")));
        }
        JsonNode content = in.node("content");
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isObject()) {
            return sim.mapper().writeValueAsString(content);
        }
        throw ControlInput.invalid("give \"text\", or \"msg_type\" with \"content\" (an object or a JSON string), or for an "
                + "image \"image_base64\" or \"image_key\"; got msg_type " + msgType);
    }

    /** A person clicks a card button; waits up to {@code wait_ms} (default 5000) for the app's answer to be applied. */
    private SimResponse click(ControlInput in) {
        SimUser user = in.user(in.text("user"));
        SimMessage card = in.message(in.text("message_id"));
        if (!card.msgType().equals("interactive")) {
            throw ControlInput.invalid(card.messageId() + " is a " + card.msgType() + " message, not a card (interactive)");
        }
        JsonNode value = in.node("value");
        Map<String, Object> values = value.isObject() ? sim.mapper().convertValue(value, sim.mapper().getTypeFactory()
                .constructMapType(Map.class, String.class, Object.class)) : Map.of();
        CardClick click = sim.events().clickCard(user, card, values);
        Duration wait = Duration.ofMillis(in.integer("wait_ms", (int) DEFAULT_CLICK_WAIT.toMillis()));
        Map<String, Object> reply = ControlViews.clickReply(click.awaitReply(wait), sim.state().message(card.messageId()).orElse(card));
        reply.put("token", click.token());
        reply.put("event_id", click.event().id());
        return ControlApi.ok(reply);
    }

    /** Adds or removes {@code users}; with {@code by} (a member) the change is a person's and Lark pushes an event. */
    private SimResponse members(ControlInput in, String chatReference, boolean add) {
        SimChat chat = in.chat(chatReference);
        Sender operator = in.optionalText("by").map(in::user).map(Sender::user).orElse(sim.state().bot());
        if (add) {
            sim.state().addMembers(chat, in.users("users"), operator);
        } else {
            sim.state().removeMembers(chat, in.users("users"), operator);
        }
        return ControlApi.ok(ControlViews.chat(chat));
    }

    /** Pushes any event JSON through the configured deliveries, {@code copies} times (default 1): duplicates on demand. */
    private SimResponse pushEvent(ControlInput in) throws JsonProcessingException {
        JsonNode json = in.node("event");
        if (!json.isObject()) {
            throw ControlInput.invalid("\"event\" must be the event's JSON object");
        }
        LarkEvent event = LarkEvent.parse(sim.mapper().writeValueAsString(json));
        int copies = in.integer("copies", 1);
        for (int i = 0; i < copies; i++) {
            sim.events().push(event);
        }
        return ControlApi.ok(ControlViews.event(event));
    }
}
