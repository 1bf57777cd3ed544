package io.github.camellark.lark.testkit.state;

import java.time.Instant;

/**
 * The {@code token} of a card-action callback ({@code c-…}): lets the app update that card later
 * through {@code interactive/v1/card/update}, at most twice within 30 minutes.
 */
public record CardToken(String token, String messageId, String openId, Instant issuedAt, int usesLeft) {

    CardToken used() {
        return new CardToken(token, messageId, openId, issuedAt, usesLeft - 1);
    }
}
