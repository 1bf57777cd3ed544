package io.github.camellark.lark.producer;

import java.util.concurrent.CompletableFuture;

/**
 * Runs the operations of one Lark resource. Implementations map each operation to {@link LarkCall} requests and nothing
 * else: no HTTP, no JSON plumbing, no retries. Invalid input is thrown before any request is made.
 */
public interface ResourceHandler {

    CompletableFuture<Void> handle(LarkCall call);

    /**
     * Releases what the handler keeps between calls (timers, open streams) when its endpoint stops; the handler may be
     * used again afterwards. One handler serves all the producers of an endpoint.
     */
    default void close() {
    }
}
