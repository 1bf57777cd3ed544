package io.github.camellark.lark.testkit.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.testkit.http.LarkError;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.StoredResource;
import io.github.camellark.lark.testkit.state.SimulatorState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Lark's checks on the {@code content} of im/v1 send / reply / edit: it must be a JSON
 * <em>string</em> holding the object for its {@code msg_type}; text up to 150 KB, post and cards
 * up to 30 KB (230025); referenced images and files must have been uploaded (230001) with a
 * matching type (230055). Message texts of these errors are (unverified) paraphrases.
 */
final class ContentRules {

    static final Set<String> MSG_TYPES = Set.of("text", "post", "image", "file", "audio", "media", "sticker",
            "interactive", "share_chat", "share_user", "system");
    static final int TEXT_LIMIT = 150 * 1024;
    static final int POST_AND_CARD_LIMIT = 30 * 1024;

    private final SimulatorState state;
    private final ObjectMapper mapper;

    ContentRules(SimulatorState state, ObjectMapper mapper) {
        this.state = state;
        this.mapper = mapper;
    }

    String msgType(JsonNode body, Set<String> allowed) {
        String msgType = Requests.requiredText(body, "msg_type");
        if (!allowed.contains(msgType)) {
            throw LarkError.fieldValidation("msg_type", "msg_type must be one of " + allowed);
        }
        return msgType;
    }

    /** Validates and returns the {@code content} string of a request body. */
    String content(JsonNode body, String msgType) {
        String content = Requests.requiredText(body, "content");
        checkSize(msgType, content);
        JsonNode node = parse(content);
        check(msgType, node);
        return content;
    }

    void checkSize(String msgType, String content) {
        int size = content.getBytes(StandardCharsets.UTF_8).length;
        int limit = msgType.equals("text") ? TEXT_LIMIT
                : msgType.equals("post") || msgType.equals("interactive") ? POST_AND_CARD_LIMIT : Integer.MAX_VALUE;
        if (size > limit) {
            throw LarkError.badRequest(230025, "The message content is too long: " + size + " bytes, the limit for "
                    + msgType + " is " + (limit / 1024) + " KB.");
        }
    }

    JsonNode parse(String content) {
        try {
            JsonNode node = mapper.readTree(content);
            if (node == null || !node.isObject()) {
                throw invalidContent("content must be a JSON object serialised to a string");
            }
            return node;
        } catch (IOException e) {
            throw invalidContent("content is not valid JSON");
        }
    }

    private void check(String msgType, JsonNode node) {
        switch (msgType) {
            case "text" -> {
                if (!node.path("text").isTextual()) {
                    throw invalidContent("text content needs a \"text\" string");
                }
            }
            case "post" -> checkPost(node);
            case "image" -> requireResource(node, "image_key", StoredResource.Kind.IMAGE, null);
            case "file" -> {
                StoredResource file = requireResource(node, "file_key", StoredResource.Kind.FILE, null);
                if (file != null && (file.type().equals("mp4") || file.type().equals("opus"))) {
                    throw LarkError.badRequest(230055, "The type of file upload does not match the type of message: "
                            + file.type() + " files are sent as " + (file.type().equals("mp4") ? "media" : "audio"));
                }
            }
            case "audio" -> requireResource(node, "file_key", StoredResource.Kind.FILE, "opus");
            case "media" -> {
                requireResource(node, "file_key", StoredResource.Kind.FILE, "mp4");
                if (node.has("image_key")) {
                    requireResource(node, "image_key", StoredResource.Kind.IMAGE, null);
                }
            }
            case "sticker" -> {
                // stickers come from messages the bot received; the simulator cannot know them all
                if (!node.path("file_key").isTextual()) {
                    throw invalidContent("sticker content needs a \"file_key\"");
                }
            }
            case "share_chat" -> {
                String chatId = node.path("chat_id").asText("");
                SimChat chat = state.chat(chatId).orElseThrow(() -> invalidContent("share_chat: unknown chat_id " + chatId));
                if (!chat.botIsMember()) {
                    throw LarkError.badRequest(230002, "Bot/User can NOT be out of the chat.");
                }
                if (chat.isP2p()) {
                    throw LarkError.badRequest(230015, "A p2p chat can NOT be shared.");
                }
            }
            case "share_user" -> {
                String userId = node.path("user_id").asText("");
                if (state.user("open_id", userId).isEmpty()) {
                    throw invalidContent("share_user needs the open_id of a user, got " + userId);
                }
            }
            case "interactive" -> checkCard(node);
            case "system" -> {
                if (!node.path("type").isTextual()) {
                    throw invalidContent("system content needs a \"type\" (e.g. divider)");
                }
            }
            default -> throw LarkError.fieldValidation("msg_type", "unsupported msg_type " + msgType);
        }
    }

    private void checkPost(JsonNode node) {
        JsonNode locale = null;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (node.get(name).isObject() && node.get(name).path("content").isArray()) {
                locale = node.get(name);
            }
        }
        if (locale == null) {
            throw invalidContent("post content needs at least one locale (zh_cn, en_us…) with a \"content\" array");
        }
        for (JsonNode paragraph : locale.path("content")) {
            if (!paragraph.isArray()) {
                throw invalidContent("post content is a list of paragraphs, each a list of elements");
            }
            for (JsonNode element : paragraph) {
                if (!element.path("tag").isTextual()) {
                    throw invalidContent("every post element needs a \"tag\"");
                }
                if (element.path("tag").asText().equals("img")) {
                    requireResource(element, "image_key", StoredResource.Kind.IMAGE, null);
                }
            }
        }
    }

    void checkCard(JsonNode card) {
        String type = card.path("type").asText("");
        if (type.equals("template")) {
            if (!card.at("/data/template_id").isTextual()) {
                throw LarkError.badRequest(230099, "Failed to create card content, ext=ErrCode: 200621; "
                        + "ErrMsg: template card needs data.template_id");
            }
        } else if (type.equals("card")) {
            if (!card.at("/data/card_id").isTextual()) {
                throw LarkError.badRequest(230099, "Failed to create card content, ext=ErrCode: 200621; "
                        + "ErrMsg: card entity reference needs data.card_id");
            }
            if (state.cardEntities().card(card.at("/data/card_id").asText()).isEmpty()) {
                // the code Lark wraps for an unknown entity in a message is (unverified); 200740 is CardKit's own
                throw LarkError.badRequest(230099, "Failed to create card content, ext=ErrCode: 200740; "
                        + "ErrMsg: The card entity does not exist");
            }
        } else {
            boolean hasBody = card.has("elements") || card.has("body") || card.has("header") || card.has("i18n_elements");
            if (!hasBody) {
                throw LarkError.badRequest(230099, "Failed to create card content, ext=ErrCode: 200621; "
                        + "ErrMsg: card JSON has no header, elements or body");
            }
            if ("2.0".equals(card.path("schema").asText()) && countComponents(card.path("body")) > 200) {
                throw LarkError.badRequest(230099, "Failed to create card content, ext=ErrCode: 11310; "
                        + "ErrMsg: card has more than 200 components");
            }
        }
    }

    private static int countComponents(JsonNode node) {
        int count = 0;
        if (node.isObject() && node.has("tag")) {
            count++;
        }
        for (JsonNode child : node) {
            count += countComponents(child);
        }
        return count;
    }

    private StoredResource requireResource(JsonNode node, String field, StoredResource.Kind kind, String fileType) {
        String key = node.path(field).asText("");
        if (key.isEmpty()) {
            throw invalidContent(field + " is required in the content");
        }
        StoredResource resource = state.resource(key).filter(r -> r.kind() == kind)
                .orElseThrow(() -> invalidContent("invalid " + field + ": " + key + " was not uploaded by this app"));
        if (fileType != null && !fileType.equals(resource.type())) {
            throw LarkError.badRequest(230055, "The type of file upload does not match the type of message: expected a "
                    + fileType + " upload, got " + resource.type());
        }
        return resource;
    }

    /** The image/file keys a message's content refers to (for resource downloads). */
    List<String> resourceKeys(String content) {
        List<String> keys = new ArrayList<>();
        try {
            collectKeys(mapper.readTree(content), keys);
        } catch (IOException e) {
            // not JSON: no keys
        }
        return keys;
    }

    private static void collectKeys(JsonNode node, List<String> keys) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (String field : List.of("image_key", "file_key")) {
                if (node.path(field).isTextual()) {
                    keys.add(node.get(field).asText());
                }
            }
        }
        for (JsonNode child : node) {
            collectKeys(child, keys);
        }
    }

    static LarkError invalidContent(String detail) {
        return LarkError.badRequest(230001, "Your request contains an invalid request parameter, " + detail + ".");
    }
}
