package io.github.camellark.lark.cardkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.client.LarkRequest;

/**
 * Types streams of text chunks into Lark cards, one card entity per stream key: the first chunk of a key creates the
 * card (streaming mode on) and sends the message showing it, later chunks are appended and pushed at most
 * {@link StreamSettings#maxUpdatesPerSecond()} times a second per card, and the last chunk, an error or an idle timeout
 * ends it. Chunks may come from any thread; memory is bounded by {@link StreamSettings#maxOpen()} streams of at most
 * Lark's 100,000 characters each.
 */
public final class CardStreamWriter implements AutoCloseable {

    private final StreamSettings settings;
    private final StreamCards cards;
    private final StreamTimers timers;
    private final Map<String, CardStream> open = new HashMap<>();
    /** Keys of streams that ended lately, with when: a late chunk for them is refused rather than starting a new card. */
    private final LinkedHashMap<String, Long> ended = new LinkedHashMap<>();
    private boolean closed;

    public CardStreamWriter(StreamSettings settings, ObjectMapper mapper, StreamTimers timers) {
        this.settings = settings;
        this.cards = new StreamCards(mapper, settings);
        this.timers = timers;
    }

    public StreamSettings settings() {
        return settings;
    }

    /** Whether a stream of this key is open now (its first chunk has come and it has not ended). */
    public synchronized boolean isOpen(String key) {
        return open.containsKey(key);
    }

    /**
     * Takes one chunk.
     *
     * @param lark     sends a request as the stream's identity and yields the reply's data (used by a new stream)
     * @param showCard builds the request that shows the card, given the message content JSON (used by a new stream)
     * @return completes when the chunk is taken; for the first chunk, when the card is shown; for a chunk that ends the
     *         stream, when the card is final
     */
    public CompletableFuture<StreamResult> write(StreamChunk chunk,
            Function<LarkRequest.Builder, CompletableFuture<Map<String, Object>>> lark,
            Function<String, LarkRequest.Builder> showCard) {
        CardStream stream;
        boolean fresh = false;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the lark cardkit stream writer is stopped"));
            }
            stream = open.get(chunk.key());
            if (stream == null) {
                forgetOldEnded();
                if (ended.containsKey(chunk.key())) {
                    return CompletableFuture.failedFuture(new IllegalStateException("lark cardkit stream '" + chunk.key()
                            + "' has already ended (last chunk, error or idle timeout); a chunk for it cannot be typed any more"));
                }
                if (open.size() >= settings.maxOpen()) {
                    return CompletableFuture.failedFuture(new IllegalStateException("lark cardkit stream: "
                            + settings.maxOpen() + " streams are open (streamMaxOpen), so stream '" + chunk.key()
                            + "' cannot start"));
                }
                CardStream[] self = new CardStream[1];
                stream = new CardStream(chunk.key(), settings, cards, timers, lark, showCard,
                        () -> streamEnded(chunk.key(), self[0]));
                self[0] = stream;
                open.put(chunk.key(), stream);
                fresh = true;
            }
        }
        return fresh ? stream.start(chunk) : stream.accept(chunk);
    }

    private synchronized void streamEnded(String key, CardStream stream) {
        if (open.remove(key, stream) && !closed) {
            ended.put(key, timers.nowMillis());
            if (ended.size() > settings.maxOpen()) {
                Iterator<String> oldest = ended.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
    }

    /** An ended key is remembered for one idle timeout: after that, the same key starts a new card. */
    private void forgetOldEnded() {
        long horizon = timers.nowMillis() - settings.idleTimeoutMillis();
        ended.values().removeIf(at -> at < horizon);
    }

    /**
     * Stops: open streams are abandoned without calling Lark (their chunks waiting for the end fail), and the timers are
     * released. Lark ends the streaming mode of an abandoned card by itself (after 10 minutes, unverified).
     */
    @Override
    public void close() {
        List<CardStream> abandoned;
        synchronized (this) {
            closed = true;
            abandoned = new ArrayList<>(open.values());
            open.clear();
            ended.clear();
        }
        IllegalStateException stopped = new IllegalStateException("the lark cardkit stream writer stopped");
        abandoned.forEach(stream -> stream.abandon(stopped));
        timers.close();
    }
}
