package io.github.camellark.lark.cardkit;

/**
 * What the writer tells the exchange of a chunk.
 *
 * @param cardId       the card entity typed into, or null while it is being created
 * @param messageId    the message showing the card, or null while it is being sent
 * @param nextSequence once the stream has ended, the sequence the next operation on the card must use; else null
 */
public record StreamResult(String cardId, String messageId, Integer nextSequence) {
}
