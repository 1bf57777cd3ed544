package io.github.camellark.lark.testkit;

import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimulatorState;

import java.util.Comparator;
import java.util.List;

/**
 * A readable snapshot of who said what in which chat, oldest first:
 * <pre>
 * #ops-room  Alice: disk is full on host-1
 * #ops-room    ↳ Sim Bot: on it
 * [p2p Bob]  Sim Bot: [card: CPU alert]
 * </pre>
 */
public final class Conversation {

    private final List<ConversationLine> lines;

    private Conversation(List<ConversationLine> lines) {
        this.lines = List.copyOf(lines);
    }

    static Conversation of(SimulatorState state) {
        List<ConversationLine> lines = state.messages().stream()
                .sorted(Comparator.comparing(SimMessage::createTime))
                .map(m -> line(state, m))
                .toList();
        return new Conversation(lines);
    }

    private static ConversationLine line(SimulatorState state, SimMessage message) {
        SimChat chat = state.chat(message.chatId()).orElse(null);
        String chatName = chat == null ? message.chatId()
                : chat.isP2p() ? "p2p " + (chat.p2pUser() == null ? "?" : chat.p2pUser().name()) : chat.name();
        return new ConversationLine(message.createTime(), message.chatId(), chatName, message.messageId(),
                message.sender().name(), message.sender().kind(), message.msgType(), readable(state, message), message.deleted(), message.updated(), message.parentId(),
                message.threadId());
    }

    /** A message showing a card entity reads as the entity's text now; any other as its content. */
    private static String readable(SimulatorState state, SimMessage message) {
        if (!message.deleted() && "interactive".equals(message.msgType())) {
            return state.cardEntities().readable(message.content()).orElseGet(() -> state.contents().readable(message));
        }
        return state.contents().readable(message);
    }

    public List<ConversationLine> lines() {
        return lines;
    }

    /** Only the lines of one chat. */
    public Conversation in(SimChat chat) {
        return new Conversation(lines.stream().filter(l -> l.chatId().equals(chat.chatId())).toList());
    }

    /** The texts said, in order (handy for assertions). */
    public List<String> texts() {
        return lines.stream().map(ConversationLine::text).toList();
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        for (ConversationLine line : lines) {
            sb.append(line.render()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
