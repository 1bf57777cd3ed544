package io.github.camellark.lark.testkit.state;

import java.time.Instant;

/** A pinned message. */
public record SimPin(String messageId, String chatId, Sender operator, Instant createTime) {
}
