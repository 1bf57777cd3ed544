package io.github.camellark.lark.testkit.events;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When Lark pushes a failed event again: one delay per redelivery, counted from the failure of the
 * previous attempt.
 * <p>
 * Lark's own schedule is 15 s, 5 min, 1 h, 6 h (at most 4 redeliveries, about 7.1 h). That comes from a
 * third-party copy of the official page, so it is unverified; whether the delays count from the previous
 * failure or from the first push is unverified. Tests use short schedules such as {@code every(50 ms, 3)}.
 */
public final class RetrySchedule {

    private final List<Duration> delays;

    private RetrySchedule(List<Duration> delays) {
        for (Duration delay : delays) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("a redelivery delay cannot be negative: " + delay);
            }
        }
        this.delays = List.copyOf(delays);
    }

    /** Lark's documented schedule: 15 s, 5 min, 1 h, 6 h. */
    public static RetrySchedule lark() {
        return new RetrySchedule(List.of(Duration.ofSeconds(15), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(6)));
    }

    /** No redelivery at all: one attempt per push. */
    public static RetrySchedule none() {
        return new RetrySchedule(List.of());
    }

    public static RetrySchedule of(Duration... delays) {
        return new RetrySchedule(List.of(delays));
    }

    /** {@code redeliveries} redeliveries, each {@code delay} after the previous failure. */
    public static RetrySchedule every(Duration delay, int redeliveries) {
        return new RetrySchedule(java.util.Collections.nCopies(redeliveries, delay));
    }

    /** The delay before redelivery number {@code redelivery} (1-based), or empty when the schedule is exhausted. */
    public Optional<Duration> delayBefore(int redelivery) {
        return redelivery >= 1 && redelivery <= delays.size() ? Optional.of(delays.get(redelivery - 1)) : Optional.empty();
    }

    public List<Duration> delays() {
        return delays;
    }

    @Override
    public String toString() {
        return "RetrySchedule" + delays;
    }
}
