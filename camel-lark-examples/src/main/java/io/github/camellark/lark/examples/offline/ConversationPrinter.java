package io.github.camellark.lark.examples.offline;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.github.camellark.lark.testkit.ConversationLine;
import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.state.Activity;
import io.github.camellark.lark.testkit.state.Sender;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimReaction;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.StateListener;

/**
 * Prints the simulated tenant's conversation as it happens, one line per message in the simulator's conversation view
 * ({@code #general  Alice: /help}), plus what leaves no message behind: groups created, people joining, reactions,
 * card updates and buzzes.
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
                + message.sender().name() + "'s \"" + names(lark.state().contents().readable(message)) + "\")"));
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
        if (activity.kind().startsWith("urgent_")) {
            List<SimUser> buzzed = activity.ids().stream().map(id -> lark.state().user(id)).flatMap(Optional::stream).toList();
            lark.state().message(activity.targetId()).ifPresent(message -> print(chatLabel(message.chatId()) + "  ("
                    + lark.botName() + " buzzes " + names(buzzed) + " about \"" + names(lark.state().contents().readable(message)) + "\")"));
        }
    }

    /** A line of the conversation view, for what the scenarios print themselves (pins, toasts). */
    void note(String chatId, String text) {
        print(chatLabel(chatId) + "  (" + text + ")");
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
                .map(this::names)
                .orElse(message.toString());
    }

    private String chatLabel(String chatId) {
        return lark.state().chat(chatId)
                .map(c -> c.isP2p() ? "[p2p " + (c.p2pUser() == null ? "?" : c.p2pUser().name()) + "]" : "#" + c.name())
                .orElse(chatId);
    }

    /** Post mentions read as {@code @ou_...} in the view: show the person's name instead. */
    private String names(String text) {
        String named = text;
        for (SimUser user : lark.state().users()) {
            named = named.replace("@" + user.openId(), "@" + user.name());
        }
        return named;
    }

    private static String names(List<SimUser> users) {
        return users.stream().map(SimUser::name).collect(Collectors.joining(", "));
    }

    private synchronized void print(String line) {
        out.println(line);
        out.flush();
    }
}
