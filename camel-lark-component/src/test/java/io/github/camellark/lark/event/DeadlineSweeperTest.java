package io.github.camellark.lark.event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Events whose route is slower than the deadline are answered by one sweep, never before their deadline. */
class DeadlineSweeperTest {

    private static final long DEADLINE = TimeUnit.SECONDS.toNanos(2);

    private final AtomicLong now = new AtomicLong(1_000);
    private final DeadlineSweeper sweeper = new DeadlineSweeper(DEADLINE, now::get);
    private final List<String> answeredAtDeadline = new ArrayList<>();

    @Test
    void anOpenAnswerIsCompletedOnceItsDeadlineHasPassedAndNotBefore() {
        CompletableFuture<EventAck> answer = new CompletableFuture<>();
        sweeper.watch(answer, EventAck.delivered(), "e1");

        now.addAndGet(DEADLINE - 1);
        sweeper.sweep(answeredAtDeadline::add);
        assertThat(answer).isNotDone();

        now.addAndGet(1);
        sweeper.sweep(answeredAtDeadline::add);
        assertThat(answer).isCompletedWithValue(EventAck.delivered());
        assertThat(answeredAtDeadline).containsExactly("e1");
    }

    @Test
    void anAnswerTheRouteGaveInTimeIsKeptAndNotReportedAsLate() {
        CompletableFuture<EventAck> answer = new CompletableFuture<>();
        sweeper.watch(answer, EventAck.delivered(), "e1");
        answer.complete(EventAck.failed());

        now.addAndGet(DEADLINE);
        sweeper.sweep(answeredAtDeadline::add);

        assertThat(answer).isCompletedWithValue(EventAck.failed());
        assertThat(answeredAtDeadline).isEmpty();
    }

    @Test
    void eventsAreAnsweredInTheOrderTheyCameEachAtItsOwnDeadline() {
        CompletableFuture<EventAck> first = new CompletableFuture<>();
        CompletableFuture<EventAck> second = new CompletableFuture<>();
        sweeper.watch(first, EventAck.delivered(), "e1");
        now.addAndGet(DEADLINE / 2);
        sweeper.watch(second, EventAck.delivered(), "e2");

        now.addAndGet(DEADLINE / 2);
        sweeper.sweep(answeredAtDeadline::add);
        assertThat(first).isDone();
        assertThat(second).isNotDone();

        now.addAndGet(DEADLINE / 2);
        sweeper.sweep(answeredAtDeadline::add);
        assertThat(second).isDone();
        assertThat(answeredAtDeadline).containsExactly("e1", "e2");
    }
}
