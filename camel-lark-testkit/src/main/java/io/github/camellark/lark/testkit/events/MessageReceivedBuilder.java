package io.github.camellark.lark.testkit.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds an {@code im.message.receive_v1} event. Obtain one from {@link LarkEvents#message()}. */
public final class MessageReceivedBuilder {

    private final LarkEvents events;
    private EventUser sender;
    private String chatId;
    private String chatType = "group";
    private String messageId;
    private String rootId;
    private String parentId;
    private String threadId;
    private String messageType = "text";
    private String content;
    private final List<java.util.Map.Entry<String, EventUser>> mentions = new ArrayList<>();
    private java.time.Instant createTime;

    MessageReceivedBuilder(LarkEvents events) {
        this.events = events;
    }

    public MessageReceivedBuilder from(EventUser sender) {
        this.sender = sender;
        return this;
    }

    public MessageReceivedBuilder inChat(String chatId) {
        this.chatId = chatId;
        return this;
    }

    /** {@code p2p}, {@code group} (default) or {@code topic_group}. */
    public MessageReceivedBuilder chatType(String chatType) {
        this.chatType = chatType;
        return this;
    }

    /** Defaults to a fresh {@code om_} id; set it when the message also lives in the simulator's state. */
    public MessageReceivedBuilder messageId(String messageId) {
        this.messageId = messageId;
        return this;
    }

    /** Makes it a reply: {@code root_id} and {@code parent_id}. */
    public MessageReceivedBuilder replyTo(String rootId, String parentId) {
        this.rootId = rootId;
        this.parentId = parentId;
        return this;
    }

    public MessageReceivedBuilder threadId(String threadId) {
        this.threadId = threadId;
        return this;
    }

    /** A text message; mentions added with {@link #mention} appear as {@code @_user_N} placeholders in order. */
    public MessageReceivedBuilder text(String text) {
        ObjectNode node = LarkEvents.object();
        node.put("text", text);
        return content("text", node.toString());
    }

    /** Any message type with its content JSON string (e.g. {@code image}, {@code {"image_key":"img_..."}}). */
    public MessageReceivedBuilder content(String messageType, String contentJson) {
        this.messageType = messageType;
        this.content = contentJson;
        return this;
    }

    /** Adds a mention; its key is {@code @_user_<n>}, n counting from 1. */
    public MessageReceivedBuilder mention(EventUser user) {
        return mention("@_user_" + (mentions.size() + 1), user);
    }

    /** Adds a mention with an explicit placeholder key, e.g. one taken from a stored message. */
    public MessageReceivedBuilder mention(String key, EventUser user) {
        mentions.add(java.util.Map.entry(key, user));
        return this;
    }

    /** The message's create/update time; defaults to the factory's clock. */
    public MessageReceivedBuilder createTime(java.time.Instant time) {
        this.createTime = time;
        return this;
    }

    public LarkEvent build() {
        Objects.requireNonNull(sender, "from(sender)");
        Objects.requireNonNull(chatId, "inChat(chatId)");
        Objects.requireNonNull(content, "text(...) or content(...)");
        String now = createTime != null ? Long.toString(createTime.toEpochMilli()) : events.nowMillis();
        ObjectNode event = LarkEvents.object();
        ObjectNode senderNode = event.putObject("sender");
        senderNode.set("sender_id", sender.idObject());
        senderNode.put("sender_type", "user");
        senderNode.put("tenant_key", sender.tenantKey());
        ObjectNode message = event.putObject("message");
        message.put("message_id", messageId != null ? messageId : Ids.messageId());
        putIfSet(message, "root_id", rootId);
        putIfSet(message, "parent_id", parentId);
        message.put("create_time", now);
        message.put("update_time", now);
        message.put("chat_id", chatId);
        putIfSet(message, "thread_id", threadId);
        message.put("chat_type", chatType);
        message.put("message_type", messageType);
        message.put("content", content);
        if (!mentions.isEmpty()) {
            ArrayNode list = message.putArray("mentions");
            for (java.util.Map.Entry<String, EventUser> entry : mentions) {
                EventUser user = entry.getValue();
                ObjectNode mention = list.addObject();
                mention.put("key", entry.getKey());
                mention.set("id", user.idObject());
                mention.put("name", user.name());
                mention.put("tenant_key", user.tenantKey());
            }
        }
        message.put("user_agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Lark/7.64.6");
        return events.v2("im.message.receive_v1", event);
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
