package io.github.camellark.lark.cardkit;

/**
 * One piece of a streamed text, as a route hands it to the writer.
 *
 * @param key   the stream it belongs to
 * @param index its position in the stream (0, 1, 2 ...), or null to take it in arrival order
 * @param text  the text to append (may be empty, for example on a last chunk that only ends the stream)
 * @param last  whether the stream ends with this chunk
 * @param error the text to end the card in its error state with, or null
 */
public record StreamChunk(String key, Long index, String text, boolean last, String error) {

    public StreamChunk {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a stream chunk needs a key");
        }
        if (index != null && index < 0) {
            throw new IllegalArgumentException("the index of a stream chunk starts at 0, got " + index);
        }
        text = text == null ? "" : text;
    }

    /** Whether the chunk ends the stream, one way or the other. */
    boolean ends() {
        return last || error != null;
    }
}
