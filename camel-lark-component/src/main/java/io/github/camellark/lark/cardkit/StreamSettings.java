package io.github.camellark.lark.cardkit;

/**
 * How a stream writer types into cards.
 *
 * @param maxUpdatesPerSecond at most this many operations reach one card per second (Lark allows 10 per card)
 * @param idleTimeoutMillis   a stream without a chunk for this long is ended with the text it has
 * @param maxOpen             how many streams may be open at once
 * @param title               the title of the card, or null for a card without header
 * @param elementId           the element_id of the markdown element the text is typed into
 * @param errorText           what a card ended in error shows under its text
 */
public record StreamSettings(int maxUpdatesPerSecond, long idleTimeoutMillis, int maxOpen, String title, String elementId,
        String errorText) {

    /** Lark's documented limit of card and element operations per card entity and second. */
    public static final int LARK_MAX_UPDATES_PER_SECOND = 10;
    /** The element the text goes into when no elementId is configured. */
    public static final String DEFAULT_ELEMENT_ID = "answer";

    public StreamSettings {
        if (maxUpdatesPerSecond < 1 || maxUpdatesPerSecond > LARK_MAX_UPDATES_PER_SECOND) {
            throw new IllegalArgumentException("streamMaxUpdatesPerSecond must be between 1 and " + LARK_MAX_UPDATES_PER_SECOND
                                               + " (Lark refuses more than 10 updates per second and card), got "
                                               + maxUpdatesPerSecond);
        }
        if (idleTimeoutMillis < 1) {
            throw new IllegalArgumentException("streamIdleTimeout must be positive, got " + idleTimeoutMillis + " ms");
        }
        if (maxOpen < 1) {
            throw new IllegalArgumentException("streamMaxOpen must be at least 1, got " + maxOpen);
        }
        if (elementId == null || elementId.isBlank()) {
            elementId = DEFAULT_ELEMENT_ID;
        }
        if (elementId.length() > 20) {
            // Lark's element_id path parameter takes 1 to 20 characters
            throw new IllegalArgumentException("elementId is limited to 20 characters, got " + elementId.length() + ": '"
                                               + elementId + "'");
        }
    }

    /** The shortest gap between two operations on one card. */
    long minGapMillis() {
        return (1000 + maxUpdatesPerSecond - 1) / maxUpdatesPerSecond;
    }
}
