package io.github.camellark.lark.examples.offline;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.camellark.lark.testkit.ConversationLine;
import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.state.Activity;
import io.github.camellark.lark.testkit.state.Sender;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimPin;
import io.github.camellark.lark.testkit.state.SimReaction;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.StateListener;

/**
 * Prints the simulated tenant's conversation as it happens, one line per message in the simulator's conversation view
 * ({@code #general  Alice: /help}), plus what leaves no message behind: groups created, people joining, reactions,
 * pins, card updates, toasts and buzzes.
 */
final class ConversationPrinter implements StateListener {

    private final LarkSimulator lark;
    private final PrintStream out;
    private final Set<String> shown = ConcurrentHashMap.newKeySet();

    ConversationPrinter(LarkSimulator lark, PrintStream out) {
        this.lark = lark;
        this.out = out;
    }

    @Override
    public void messageStored(SimMessage message) {
        print(line(message));
        shown.add(message.messageId());
    }

    /** Whether the message has been printed: the people wait for it, so that the conversation reads in order. */
    boolean shown(SimMessage message) {
        return shown.contains(message.messageId());
    }

    @Override
    public void messageEdited(SimMessage message) {
        print(line(message) + "   <- card updated");
    }

    @Override
    public void reactionAdded(SimReaction reaction) {
        lark.state().message(reaction.messageId()).ifPresent(message -> print(
                chatLabel(message.chatId()) + "  (" + reaction.operator().name() + " reacts " + reaction.emojiType() + " to "
                + message.sender().name() + "'s \"" + lark.state().contents().readable(message) + "\")"));
    }

    @Override
    public void messagePinned(SimPin pin) {
        lark.state().message(pin.messageId()).ifPresent(message -> print(chatLabel(pin.chatId()) + "  (" + pin.operator().name()
                + " pins \"" + lark.state().contents().readable(message) + "\")"));
    }

    @Override
    public void chatCreated(SimChat chat) {
        if (!chat.isP2p()) {
            print("#" + chat.name() + "  (group created by " + chat.owner().name() + " with " + names(chat.members()) + ")");
        }
    }

    @Override
    public void membersAdded(SimChat chat, List<SimUser> users, Sender operator) {
        print("#" + chat.name() + "  (" + operator.name() + " adds " + names(users) + ")");
    }

    @Override
    public void activity(Activity activity) {
        List<SimUser> people = activity.ids().stream().map(id -> lark.state().user(id)).flatMap(Optional::stream).toList();
        if (activity.kind().startsWith("urgent_")) {
            lark.state().message(activity.targetId()).ifPresent(message -> print(chatLabel(message.chatId()) + "  ("
                    + lark.botName() + " buzzes " + names(people) + " about \"" + lark.state().contents().readable(message) + "\")"));
        } else if (activity.kind().equals("card_toast")) {
            String toast = json(activity.detail()).path("content").asText();
            lark.state().message(activity.targetId()).ifPresent(message -> print(chatLabel(message.chatId()) + "  ("
                    + names(people) + " sees the toast \"" + toast + "\")"));
        }
    }

    /** A line of the conversation view, for what the people of the scenarios do that leaves no trace (a click). */
    void note(String chatId, String text) {
        print(chatLabel(chatId) + "  (" + text + ")");
    }

    /** Prints the message again, as it reads now, with what changed. */
    void again(SimMessage message, String what) {
        print(line(message) + "   <- " + what);
    }

    void heading(String text) {
        print("");
        print("== " + text + " ==");
    }

    private String line(SimMessage message) {
        return lark.conversation().lines().stream()
                .filter(l -> l.messageId().equals(message.messageId()))
                .findFirst()
                .map(ConversationLine::render)
                .orElse(message.toString());
    }

    private String chatLabel(String chatId) {
        return lark.state().chat(chatId)
                .map(c -> c.isP2p() ? "[p2p " + (c.p2pUser() == null ? "?" : c.p2pUser().name()) + "]" : "#" + c.name())
                .orElse(chatId);
    }

    private JsonNode json(String text) {
        try {
            return lark.mapper().readTree(text);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String names(List<SimUser> users) {
        return users.stream().map(SimUser::name).collect(Collectors.joining(", "));
    }

    private synchronized void print(String line) {
        out.println(line);
        out.flush();
    }
}
