package io.github.camellark.lark.producer;

import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.operation.LarkOperation;

/**
 * Runs the operations of one Lark resource. Implementations switch over their resource's operation enum, exhaustively
 * and without a default branch, and map each operation to {@link LarkCall} requests and nothing else: no HTTP, no JSON
 * plumbing, no retries. Invalid input is thrown before any request is made.
 *
 * @param <O> the resource's operation enum
 */
public interface ResourceHandler<O extends Enum<O> & LarkOperation> {

    /** The operation enum of the resource this handler serves. */
    Class<O> operations();

    CompletableFuture<Void> handle(O operation, LarkCall call);

    /** Runs the call's operation, which must be one of {@link #operations()}. */
    default CompletableFuture<Void> dispatch(LarkCall call) {
        return handle(operations().cast(call.operation()), call);
    }

    /**
     * Releases what the handler keeps between calls (timers, open streams) when its endpoint stops; the handler may be
     * used again afterwards. One handler serves all the producers of an endpoint.
     */
    default void close() {
    }
}
