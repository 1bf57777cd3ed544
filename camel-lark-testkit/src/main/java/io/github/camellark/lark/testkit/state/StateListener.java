package io.github.camellark.lark.testkit.state;

import java.util.List;

/**
 * Hears about changes to the simulated tenant, for example to push the matching Lark event.
 * Called on the thread that made the change, after the state lock was released; keep it quick
 * or hand the work to another thread.
 */
public interface StateListener {

    /** A message was stored: sent by the bot, a user ({@link SimMessage#sender()}) or a custom bot. */
    default void messageStored(SimMessage message) {
    }

    default void messageRecalled(SimMessage message, Sender operator) {
    }

    default void messageEdited(SimMessage message) {
    }

    default void messageRead(SimMessage message, SimUser reader) {
    }

    /** A message was pinned (pinning it again is no change and is not reported). */
    default void messagePinned(SimPin pin) {
    }

    /** A pinned message was unpinned by {@code operator}. */
    default void messageUnpinned(SimPin pin, Sender operator) {
    }

    default void reactionAdded(SimReaction reaction) {
    }

    default void reactionRemoved(SimReaction reaction) {
    }

    default void chatCreated(SimChat chat) {
    }

    default void membersAdded(SimChat chat, List<SimUser> users, Sender operator) {
    }

    /** {@code operator} took {@code users} out of the chat. */
    default void membersRemoved(SimChat chat, List<SimUser> users, Sender operator) {
    }

    default void activity(Activity activity) {
    }
}
