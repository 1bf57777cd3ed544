package io.github.camellark.lark.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One cached access token. Callers that arrive while it is being fetched share that fetch, so 100 concurrent first
 * calls make one token request. Like the official SDKs, a token is refetched 3 minutes before Lark says it expires.
 */
public final class CachedToken {

    static final Duration REFRESH_MARGIN = Duration.ofMinutes(3);

    /** A token and when to stop using it. */
    public record Token(String value, Instant refreshAt) {
        /** The token itself is a credential: never printed. */
        @Override
        public String toString() {
            return "Token[refreshAt=" + refreshAt + "]";
        }

        /** Refreshed 3 minutes early, or halfway through a shorter lifetime, so a short-lived token still serves calls. */
        public static Token expiringIn(String value, long expireSeconds, Clock clock) {
            long margin = Math.min(REFRESH_MARGIN.toSeconds(), expireSeconds / 2);
            return new Token(value, clock.instant().plusSeconds(expireSeconds - margin));
        }
    }

    private final AtomicReference<CompletableFuture<Token>> slot = new AtomicReference<>();
    private final Clock clock;

    public CachedToken(Clock clock) {
        this.clock = clock;
    }

    public CompletableFuture<String> get(Supplier<CompletableFuture<Token>> fetch) {
        while (true) {
            CompletableFuture<Token> current = slot.get();
            if (current != null && isUsable(current)) {
                return current.thenApply(Token::value);
            }
            CompletableFuture<Token> fresh = new CompletableFuture<>();
            if (slot.compareAndSet(current, fresh)) {
                fetchInto(fresh, fetch);
                return fresh.thenApply(Token::value);
            }
        }
    }

    /** Forgets the token if it is the one cached; a newer token fetched meanwhile is kept. */
    public void evict(String token) {
        CompletableFuture<Token> current = slot.get();
        if (current != null && current.isDone() && !current.isCompletedExceptionally()
                && current.join().value().equals(token)) {
            slot.compareAndSet(current, null);
        }
    }

    private boolean isUsable(CompletableFuture<Token> future) {
        if (!future.isDone()) {
            return true;
        }
        return !future.isCompletedExceptionally() && clock.instant().isBefore(future.join().refreshAt());
    }

    private void fetchInto(CompletableFuture<Token> target, Supplier<CompletableFuture<Token>> fetch) {
        CompletableFuture<Token> fetched;
        try {
            fetched = fetch.get();
        } catch (RuntimeException e) {
            fetched = CompletableFuture.failedFuture(e);
        }
        fetched.whenComplete((token, failure) -> {
            if (failure != null) {
                // a failed fetch must not stick: the next call tries again
                slot.compareAndSet(target, null);
                target.completeExceptionally(failure);
            } else {
                target.complete(token);
            }
        });
    }
}
