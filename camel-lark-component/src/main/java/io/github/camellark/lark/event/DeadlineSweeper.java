package io.github.camellark.lark.event;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * Answers events whose route did not finish by the deadline, with one periodic sweep instead of a timer task per
 * event. Every event of a pipeline has the same deadline, so the order events are registered in is the order their
 * deadlines come: a FIFO queue is sorted, and a sweep only looks at its head. An answer that completed meanwhile is
 * simply dropped from the head when its turn comes.
 */
final class DeadlineSweeper {

    private record Entry(long dueNanos, CompletableFuture<EventAck> answer, EventAck atDeadline, String eventId) {
    }

    /** How often {@link #sweep} should run: a fraction of Lark's 3-second window, so an answer is at most this late. */
    static final long SWEEP_MILLIS = 25;

    private final long deadlineNanos;
    private final LongSupplier nanoTime;
    private final Queue<Entry> entries = new ConcurrentLinkedQueue<>();

    DeadlineSweeper(long deadlineNanos, LongSupplier nanoTime) {
        this.deadlineNanos = deadlineNanos;
        this.nanoTime = nanoTime;
    }

    /** Completes the answer with {@code atDeadline} when it is still open once the deadline has passed. */
    void watch(CompletableFuture<EventAck> answer, EventAck atDeadline, String eventId) {
        entries.add(new Entry(nanoTime.getAsLong() + deadlineNanos, answer, atDeadline, eventId));
    }

    /** Answers what is due; called every {@link #SWEEP_MILLIS} by the pipeline's timer. */
    void sweep(DeadlineListener listener) {
        long now = nanoTime.getAsLong();
        for (Entry head = entries.peek(); head != null; head = entries.peek()) {
            if (!head.answer().isDone() && head.dueNanos() - now > 0) {
                return;
            }
            entries.poll();
            if (head.answer().complete(head.atDeadline())) {
                listener.answeredAtDeadline(head.eventId());
            }
        }
    }

    interface DeadlineListener {
        void answeredAtDeadline(String eventId);
    }
}
