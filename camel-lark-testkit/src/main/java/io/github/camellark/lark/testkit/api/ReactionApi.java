package io.github.camellark.lark.testkit.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.testkit.http.LarkError;
import io.github.camellark.lark.testkit.http.SimHttpServer;
import io.github.camellark.lark.testkit.http.SimRequest;
import io.github.camellark.lark.testkit.http.SimResponse;
import io.github.camellark.lark.testkit.state.Sender;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimReaction;
import io.github.camellark.lark.testkit.state.SimulatorState;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code im/v1/messages/:message_id/reactions}: add, list (filter by emoji, paged), delete (own
 * reactions only). Codes from Lark's reaction pages: 231001 unknown emoji type, 231003 message
 * not found or recalled, 231008 no access, 231012 bad page token.
 */
final class ReactionApi {

    /** Emoji types from Lark's emoji list (case-sensitive); the full list is longer. */
    static final Set<String> EMOJI_TYPES = Set.of(
            "OK", "THUMBSUP", "THANKS", "MUSCLE", "FINGERHEART", "APPLAUSE", "FISTBUMP", "JIAYI", "DONE", "SMILE",
            "BLUSH", "LAUGH", "SMIRK", "LOL", "FACEPALM", "LOVE", "WINK", "PROUD", "WITTY", "SMART", "SCOWL",
            "THINKING", "SOB", "CRY", "ERROR", "NOSEPICK", "HAUGHTY", "SLAP", "SPITBLOOD", "TOASTED", "GLANCE",
            "DULL", "INNOCENTSMILE", "JOYFUL", "WOW", "TRICK", "YEAH", "ENOUGH", "TEARS", "EMBARRASSED", "KISS",
            "SMOOCH", "DROOL", "OBSESSED", "MONEY", "TEASE", "SHOWOFF", "COMFORT", "CLAP", "PRAISE", "STRIVE",
            "XBLUSH", "SILENT", "WAVE", "WHAT", "FROWN", "SHY", "DIZZY", "LOOKDOWN", "CHUCKLE", "WAIL", "CRAZY",
            "WHIMPER", "HUG", "BLUBBER", "WRONGED", "HUSKY", "SHHH", "SMUG", "ANGRY", "HAMMER", "SHOCKED",
            "TERROR", "PETRIFIED", "SKULL", "SWEAT", "SPEECHLESS", "SLEEP", "DROWSY", "YAWN", "SICK", "PUKE",
            "BETRAYED", "HEADSET", "EatingFood", "MeMeMe", "Sigh", "Typing", "Lemon", "Get", "LGTM", "OnIt",
            "OneSecond", "VRHeadset", "YouAreTheBest", "SALUTE", "SHAKE", "HIGHFIVE", "UPPERLEFT", "ThumbsDown",
            "SLIGHT", "TONGUE", "EYESCLOSED", "RoarForYou", "CALF", "BEAR", "BULL", "RAINBOWPUKE", "ROSE", "HEART",
            "PARTY", "LIPS", "BEER", "CAKE", "GIFT", "CUCUMBER", "Drumstick", "Pepper", "CANDIEDHAWS", "BubbleTea",
            "Coffee", "Yes", "No", "OKR", "CheckMark", "CrossMark", "MinusOne", "Hundred", "AWESOMEN", "Pin",
            "Alarm", "Loudspeaker", "Trophy", "Fire", "BOMB", "Music", "XmasTree", "Snowman", "XmasHat",
            "FIREWORKS", "REDPACKET", "FORTUNE", "LUCK", "FIRECRACKER", "HEARTBROKEN", "POOP", "CLEAVER",
            "Soccer", "Basketball");

    private final SimulatorState state;
    private final Lookups lookups;

    ReactionApi(SimulatorState state, Lookups lookups) {
        this.state = state;
        this.lookups = lookups;
    }

    void register(SimHttpServer server) {
        String reactions = "/open-apis/im/v1/messages/{message_id}/reactions";
        server.route("POST", reactions, true, this::add);
        server.route("GET", reactions, true, this::list);
        server.route("DELETE", reactions + "/{reaction_id}", true, this::delete);
    }

    private SimResponse add(SimRequest request) {
        JsonNode body = Requests.body(request);
        JsonNode reactionType = body.get("reaction_type");
        if (reactionType == null || !reactionType.isObject()) {
            throw LarkError.fieldValidation("reaction_type", "reaction_type is required");
        }
        String emoji = Requests.requiredText(reactionType, "emoji_type");
        Sender caller = request.caller();
        SimMessage message = visibleMessage(request, caller);
        if (!EMOJI_TYPES.contains(emoji)) {
            throw LarkError.badRequest(231001, "reaction type is invalid: " + emoji);
        }
        return SimResponse.ok(reactionJson(state.addReaction(message, emoji, caller), "open_id"));
    }

    private SimResponse list(SimRequest request) {
        Sender caller = request.caller();
        SimMessage message = visibleMessage(request, caller);
        String emoji = request.queryParam("reaction_type");
        int pageSize = Requests.pageSize(request, 20, 50);
        String userIdType = MessageApi.userIdType(request, "open_id");
        List<SimReaction> reactions = state.reactionsOn(message.messageId()).stream()
                .filter(r -> emoji == null || emoji.isEmpty() || r.emojiType().equals(emoji))
                .toList();
        Page<SimReaction> page = Page.of(reactions, pageSize, request.queryParam("page_token"),
                "reactions:" + message.messageId() + ":" + emoji,
                LarkError.badRequest(231012, "page token is invalid."));
        return SimResponse.ok(page.toJson(r -> reactionJson(r, userIdType)));
    }

    private SimResponse delete(SimRequest request) {
        Sender caller = request.caller();
        SimMessage message = visibleMessage(request, caller);
        String reactionId = request.pathParam("reaction_id");
        SimReaction reaction = state.reaction(reactionId)
                .filter(r -> r.messageId().equals(message.messageId()))
                // (unverified) Lark's code for an unknown reaction id
                .orElseThrow(() -> LarkError.badRequest(231003, "The reaction " + reactionId + " does not exist on this message."));
        if (!(reaction.operator().kind() == caller.kind() && reaction.operator().id().equals(caller.id()))) {
            throw LarkError.badRequest(231008, "Only the operator who added a reaction can delete it.");
        }
        state.removeReaction(reactionId);
        return SimResponse.ok(reactionJson(reaction, "open_id"));
    }

    private SimMessage visibleMessage(SimRequest request, Sender caller) {
        String messageId = request.pathParam("message_id");
        SimMessage message = state.message(messageId).filter(m -> !m.deleted())
                .orElseThrow(() -> LarkError.badRequest(231003, "The message is not found, maybe not exist or deleted."));
        SimChat chat = lookups.chat(message.chatId());
        boolean member = caller.isUser() ? chat.hasMember(caller.user()) : chat.botIsMember();
        if (!member) {
            throw LarkError.badRequest(231008, "No access to the message: the operator is not in the chat.");
        }
        return message;
    }

    private Map<String, Object> reactionJson(SimReaction reaction, String userIdType) {
        Sender operator = reaction.operator();
        String operatorId = operator.isUser() ? operator.user().id(userIdType) : operator.id();
        return Json.obj()
                .put("reaction_id", reaction.reactionId())
                .put("operator", Map.of("operator_id", operatorId, "operator_type", operator.isUser() ? "user" : "app"))
                .put("action_time", Requests.millis(reaction.actionTime()))
                .put("reaction_type", Map.of("emoji_type", reaction.emojiType()))
                .map();
    }
}
