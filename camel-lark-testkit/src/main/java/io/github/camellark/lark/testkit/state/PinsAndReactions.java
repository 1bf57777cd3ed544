package io.github.camellark.lark.testkit.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pinned messages and emoji reactions. Part of {@link SimulatorState}. */
final class PinsAndReactions {

    private final StateContext context;
    private final Map<String, SimPin> pins = new LinkedHashMap<>();
    private final Map<String, SimReaction> reactions = new LinkedHashMap<>();

    PinsAndReactions(StateContext context) {
        this.context = context;
    }

    void clear() {
        pins.clear();
        reactions.clear();
    }

    SimPin pin(SimMessage message, Sender operator) {
        SimPin created;
        synchronized (context.lock) {
            SimPin existing = pins.get(message.messageId());
            if (existing != null) {
                return existing;
            }
            created = new SimPin(message.messageId(), message.chatId(), operator, context.now());
            pins.put(created.messageId(), created);
        }
        context.fire(l -> l.messagePinned(created));
        return created;
    }

    Optional<SimPin> unpin(String messageId, Sender operator) {
        SimPin removed;
        synchronized (context.lock) {
            removed = pins.remove(messageId);
        }
        if (removed != null) {
            context.fire(l -> l.messageUnpinned(removed, operator));
        }
        return Optional.ofNullable(removed);
    }

    List<SimPin> pins() {
        synchronized (context.lock) {
            return List.copyOf(pins.values());
        }
    }

    SimReaction addReaction(SimMessage message, String emojiType, Sender operator) {
        SimReaction reaction;
        synchronized (context.lock) {
            reaction = new SimReaction(context.ids.reactionId(), message.messageId(), emojiType, operator, context.now());
            reactions.put(reaction.reactionId(), reaction);
        }
        context.fire(l -> l.reactionAdded(reaction));
        return reaction;
    }

    Optional<SimReaction> removeReaction(String reactionId) {
        SimReaction removed;
        synchronized (context.lock) {
            removed = reactions.remove(reactionId);
        }
        if (removed != null) {
            context.fire(l -> l.reactionRemoved(removed));
        }
        return Optional.ofNullable(removed);
    }

    List<SimReaction> reactions() {
        synchronized (context.lock) {
            return List.copyOf(reactions.values());
        }
    }

    List<SimReaction> reactionsOn(String messageId) {
        synchronized (context.lock) {
            return reactions.values().stream().filter(r -> r.messageId().equals(messageId)).toList();
        }
    }

    Optional<SimReaction> reaction(String reactionId) {
        synchronized (context.lock) {
            return Optional.ofNullable(reactions.get(reactionId));
        }
    }
}
