package io.github.camellark.lark.testkit.ws;

import java.util.Set;

/**
 * How an event travels over the long connection: the frame {@code type} ({@code event}, or {@code card}, which
 * some reports say Lark uses for card clicks: unverified) and how many fragments the payload is split into.
 * Immutable.
 *
 * <pre>{@code
 * ws.push(event, WsPush.event().fragments(3));
 * ws.push(event, WsPush.event().fragments(3).withoutFragment(1)); // one fragment never arrives
 * }</pre>
 */
public record WsPush(String frameType, int fragments, Set<Integer> omittedFragments) {

    public WsPush {
        if (fragments < 1) {
            throw new IllegalArgumentException("at least one fragment");
        }
        omittedFragments = Set.copyOf(omittedFragments);
    }

    /** {@code type=event}, one frame: how Lark sends events and (per the SDKs) {@code card.action.trigger}. */
    public static WsPush event() {
        return new WsPush("event", 1, Set.of());
    }

    /** {@code type=card}: the frame type some third-party reports describe for card clicks. */
    public static WsPush card() {
        return new WsPush("card", 1, Set.of());
    }

    /** Splits the payload into {@code count} frames sharing one {@code message_id}, with {@code sum}/{@code seq}. */
    public WsPush fragments(int count) {
        return new WsPush(frameType, count, omittedFragments);
    }

    /** Fault: the fragment with this 0-based {@code seq} is never sent (on every attempt). */
    public WsPush withoutFragment(int seq) {
        java.util.Set<Integer> omitted = new java.util.HashSet<>(omittedFragments);
        omitted.add(seq);
        return new WsPush(frameType, fragments, omitted);
    }
}
