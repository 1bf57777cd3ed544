package io.github.camellark.lark.testkit.state;

import java.time.Instant;

/** An "only visible to you" card shown to one user in a group. */
public record SimEphemeralCard(String messageId, String chatId, SimUser user, String cardJson, Instant createTime,
        boolean deleted) {

    SimEphemeralCard asDeleted() {
        return new SimEphemeralCard(messageId, chatId, user, cardJson, createTime, true);
    }
}
