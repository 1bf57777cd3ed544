package io.github.camellark.lark.testkit;

import io.github.camellark.lark.testkit.state.Sender;

import java.time.Instant;

/**
 * One message of the conversation view: who said what in which chat.
 *
 * @param chat      the chat's name, or {@code p2p <user>} for one-to-one chats
 * @param sender    the sender's display name (the bot's name for the app)
 * @param text      a readable rendering of the content ({@code [image …]}, {@code [card: title]} …)
 * @param replyTo   the parent message id for replies, else {@code null}
 */
public record ConversationLine(Instant time, String chatId, String chat, String messageId, String sender,
        Sender.Kind senderKind, String msgType, String text, boolean recalled, boolean edited, String replyTo,
        String threadId) {

    /** {@code #ops-room  Alice: disk is full}. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(chat.startsWith("p2p ") ? "[" + chat + "]" : "#" + chat).append("  ");
        if (replyTo != null) {
            sb.append(threadId != null ? "  ↳ (thread) " : "  ↳ ");
        }
        sb.append(sender).append(": ").append(text);
        if (edited && !recalled) {
            sb.append(" (edited)");
        }
        return sb.toString();
    }
}
