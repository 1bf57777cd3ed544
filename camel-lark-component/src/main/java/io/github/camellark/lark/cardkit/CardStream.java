package io.github.camellark.lark.cardkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.github.camellark.lark.client.LarkClient;
import io.github.camellark.lark.client.LarkRequest;

/**
 * One stream typed into one card entity. Chunks are put in order (by index), appended to the text, and the text is
 * pushed with at most one operation in flight and at least {@link StreamSettings#minGapMillis()} between two
 * operations on the card, so chunks arriving faster are coalesced and the sequences reach Lark in order. The stream
 * ends on its last chunk, on an error, or when idle; it never blocks a thread: waits are timers.
 * <p>
 * Every field is guarded by {@code this}; requests are started outside the lock.
 */
final class CardStream {

    /** At most this many chunks may wait for a missing predecessor. */
    static final int MAX_EARLY_CHUNKS = 10_000;

    private enum State { CREATING, OPEN, ENDING, ENDED }

    private final String key;
    private final StreamSettings settings;
    private final StreamCards cards;
    private final StreamTimers timers;
    private final Function<LarkRequest.Builder, CompletableFuture<Map<String, Object>>> lark;
    private final Function<String, LarkRequest.Builder> showCard;
    private final Runnable onEnded;

    private final StringBuilder text = new StringBuilder();
    private final TreeMap<Long, String> early = new TreeMap<>();
    private final List<CompletableFuture<StreamResult>> waitingForEnd = new ArrayList<>();
    private final CompletableFuture<StreamResult> shown = new CompletableFuture<>();
    private State state = State.CREATING;
    private long earlyChars;
    private long nextIndex;
    private long arrivals;
    private Long lastIndex;
    private String errorText;
    private boolean idle;
    private String cardId;
    private String messageId;
    private int sequence;
    private int pushedLength;
    private boolean busy;
    private long lastOperationAt;
    private long lastChunkAt;
    private StreamTimers.Cancellable idleTimer;
    private Throwable failure;

    /**
     * @param lark     sends a request to Lark and yields the reply's data
     * @param showCard the request that sends (or replies with) the message showing the given card content JSON
     * @param onEnded  called once when the stream has ended, whatever the outcome
     */
    CardStream(String key, StreamSettings settings, StreamCards cards, StreamTimers timers,
            Function<LarkRequest.Builder, CompletableFuture<Map<String, Object>>> lark,
            Function<String, LarkRequest.Builder> showCard, Runnable onEnded) {
        this.key = key;
        this.settings = settings;
        this.cards = cards;
        this.timers = timers;
        this.lark = lark;
        this.showCard = showCard;
        this.onEnded = onEnded;
    }

    /** Takes the chunk that opens the stream: creates the card and sends the message; completes when it is shown. */
    CompletableFuture<StreamResult> start(StreamChunk first) {
        CompletableFuture<StreamResult> result = accept(first);
        String initialText;
        synchronized (this) {
            if (state != State.CREATING) {
                return result;
            }
            initialText = text.toString();
            pushedLength = initialText.length();
            lastOperationAt = timers.nowMillis();
            idleTimer = schedule(this::checkIdle, settings.idleTimeoutMillis());
        }
        lark.apply(CardKitRequests.create("card_json", cards.initial(initialText)))
                .thenCompose(data -> {
                    String id = String.valueOf(data.get("card_id"));
                    synchronized (this) {
                        cardId = id;
                    }
                    return lark.apply(showCard.apply("{\"type\":\"card\",\"data\":{\"card_id\":\"" + id + "\"}}"));
                })
                .whenComplete((data, error) -> shown(data, error));
        return first.ends() ? result : shown;
    }

    private void shown(Map<String, Object> data, Throwable error) {
        StreamResult result;
        synchronized (this) {
            if (error != null) {
                failure = LarkClient.unwrap(error);
                state = State.ENDING;
            } else {
                messageId = data.get("message_id") == null ? null : data.get("message_id").toString();
                state = State.OPEN;
                // the time the card took to appear does not count as idle
                lastChunkAt = Math.max(lastChunkAt, timers.nowMillis());
            }
            result = new StreamResult(cardId, messageId, null);
        }
        if (error != null) {
            shown.completeExceptionally(failure);
            end();
        } else {
            shown.complete(result);
            pump();
        }
    }

    /** Appends a chunk of an open stream; completes at once, or when the stream has ended for a chunk that ends it. */
    CompletableFuture<StreamResult> accept(StreamChunk chunk) {
        CompletableFuture<StreamResult> result;
        synchronized (this) {
            if (state == State.ENDING || state == State.ENDED) {
                return CompletableFuture.failedFuture(new IllegalStateException("lark cardkit stream '" + key
                        + "' has already ended (last chunk, error or idle timeout); a chunk for it cannot be typed any more"));
            }
            lastChunkAt = timers.nowMillis();
            long index = chunk.index() != null ? chunk.index() : arrivals;
            arrivals++;
            RuntimeException refused = admit(index, chunk.text());
            if (refused != null) {
                errorText = settings.errorText();
                result = CompletableFuture.failedFuture(refused);
            } else {
                early.put(index, chunk.text());
                earlyChars += chunk.text().length();
                while (!early.isEmpty() && early.firstKey() == nextIndex) {
                    String next = early.pollFirstEntry().getValue();
                    earlyChars -= next.length();
                    text.append(next);
                    nextIndex++;
                }
                if (chunk.last()) {
                    lastIndex = index;
                }
                if (chunk.error() != null) {
                    errorText = chunk.error();
                }
                if (chunk.ends()) {
                    result = new CompletableFuture<>();
                    waitingForEnd.add(result);
                } else {
                    result = CompletableFuture.completedFuture(new StreamResult(cardId, messageId, null));
                }
            }
        }
        pump();
        return result;
    }

    /** Why a chunk cannot be taken, or null: every limit keeps the memory of a stream bounded. */
    private RuntimeException admit(long index, String chunkText) {
        if (index < nextIndex || early.containsKey(index)) {
            return new IllegalArgumentException("lark cardkit stream '" + key + "' already has a chunk " + index
                                                + " (CamelLarkStreamChunk must be unique within a stream)");
        }
        if (lastIndex != null && index > lastIndex) {
            return new IllegalArgumentException("lark cardkit stream '" + key + "' got chunk " + index + " after its last chunk "
                                                + lastIndex);
        }
        if (early.size() >= MAX_EARLY_CHUNKS) {
            return new IllegalStateException("lark cardkit stream '" + key + "' has " + MAX_EARLY_CHUNKS
                                             + " chunks waiting for a missing one (chunk " + nextIndex + ")");
        }
        long total = text.length() + earlyChars + chunkText.length();
        if (total > StreamCards.MAX_TEXT) {
            return new IllegalArgumentException("lark cardkit stream '" + key + "' would exceed Lark's limit of "
                                                + StreamCards.MAX_TEXT + " characters of element text: " + total);
        }
        return null;
    }

    /** Starts the next operation on the card when one is due and allowed, else waits on a timer. */
    private void pump() {
        LarkRequest.Builder request;
        boolean ending;
        synchronized (this) {
            if (state != State.OPEN || busy) {
                return;
            }
            boolean complete = lastIndex != null && nextIndex > lastIndex;
            boolean textDue = text.length() != pushedLength;
            if (errorText == null && !complete && !idle && !textDue) {
                return;
            }
            long wait = lastOperationAt + settings.minGapMillis() - timers.nowMillis();
            if (wait > 0) {
                busy = true;
                schedule(this::afterWait, wait);
                return;
            }
            sequence++;
            String uuid = "cl-" + cardId + "-" + sequence;
            String snapshot = text.toString();
            if (errorText != null) {
                request = CardKitRequests.update(cardId, cards.failed(snapshot, errorText), uuid, sequence);
                ending = true;
            } else if (textDue) {
                request = CardKitRequests.updateText(cardId, settings.elementId(), snapshot, uuid, sequence);
                pushedLength = snapshot.length();
                ending = false;
            } else {
                request = CardKitRequests.settings(cardId, cards.closingSettings(snapshot), uuid, sequence);
                ending = true;
            }
            if (ending) {
                state = State.ENDING;
            }
            busy = true;
            lastOperationAt = timers.nowMillis();
        }
        lark.apply(request).whenComplete((data, error) -> pushed(ending, error));
    }

    private void pushed(boolean ending, Throwable error) {
        boolean retryAsError = false;
        synchronized (this) {
            busy = false;
            if (error != null && failure == null) {
                failure = LarkClient.unwrap(error);
                // a failed push still gets one chance to leave the card in its visible error state
                retryAsError = !ending;
                errorText = settings.errorText();
            }
            if (retryAsError) {
                state = State.OPEN;
            }
        }
        if (ending || !retryAsError && error != null) {
            end();
        } else {
            pump();
        }
    }

    private void afterWait() {
        synchronized (this) {
            busy = false;
        }
        pump();
    }

    private void checkIdle() {
        synchronized (this) {
            if (state == State.ENDING || state == State.ENDED) {
                return;
            }
            long quiet = timers.nowMillis() - lastChunkAt;
            if (quiet < settings.idleTimeoutMillis()) {
                idleTimer = schedule(this::checkIdle, settings.idleTimeoutMillis() - quiet);
                return;
            }
            idle = true;
        }
        pump();
    }

    /** Completes the chunks waiting for the end and lets the writer forget the stream. */
    private void end() {
        List<CompletableFuture<StreamResult>> waiting;
        StreamResult result;
        Throwable failed;
        synchronized (this) {
            if (state == State.ENDED) {
                return;
            }
            state = State.ENDED;
            if (idleTimer != null) {
                idleTimer.cancel();
            }
            waiting = new ArrayList<>(waitingForEnd);
            waitingForEnd.clear();
            result = new StreamResult(cardId, messageId, sequence + 1);
            failed = failure;
        }
        for (CompletableFuture<StreamResult> future : waiting) {
            if (failed != null) {
                future.completeExceptionally(failed);
            } else {
                future.complete(result);
            }
        }
        onEnded.run();
    }

    /** Gives up without calling Lark (the producer stops): the chunks waiting for the end fail with {@code cause}. */
    void abandon(Throwable cause) {
        synchronized (this) {
            if (failure == null) {
                failure = cause;
            }
        }
        shown.completeExceptionally(cause);
        end();
    }

    private StreamTimers.Cancellable schedule(Runnable task, long delayMillis) {
        try {
            return timers.schedule(task, delayMillis);
        } catch (RuntimeException e) {
            // the scheduler is closed: the producer is stopping, and abandons its streams
            return () -> {
            };
        }
    }
}
