package io.github.camellark.lark.testkit.state;

import java.time.Instant;

/** An emoji reaction on a message ({@code emojiType} as in Lark's emoji list, e.g. {@code THUMBSUP}). */
public record SimReaction(String reactionId, String messageId, String emojiType, Sender operator, Instant actionTime) {
}
