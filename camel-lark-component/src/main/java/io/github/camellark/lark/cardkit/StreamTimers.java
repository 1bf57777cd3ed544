package io.github.camellark.lark.cardkit;

/**
 * The clock and the timers of the stream writer: all it needs to wait without holding a thread. Kept this small so
 * that the scheduler behind it can be swapped (an executor today, an event loop's timers tomorrow) and faked in tests.
 */
public interface StreamTimers extends AutoCloseable {

    /** Milliseconds on a monotonic clock. */
    long nowMillis();

    /** Runs {@code task} once after {@code delayMillis}; the task must not block. */
    Cancellable schedule(Runnable task, long delayMillis);

    /** Cancels what is still scheduled and releases the scheduler. */
    @Override
    void close();

    /** A scheduled task that may still be cancelled. */
    interface Cancellable {
        void cancel();
    }
}
