package io.github.camellark.lark.event;

import java.time.Duration;

import io.github.camellark.lark.testkit.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The default memory of seen event ids: long enough for Lark's redeliveries, bounded in size. */
class TimeBoundedIdempotentRepositoryTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void byDefaultRemembersIdsThroughLarksWholeRedeliveryWindow() {
        TimeBoundedIdempotentRepository repository = new TimeBoundedIdempotentRepository(clock);
        repository.add("ev-1");

        // Lark redelivers an unacknowledged event for about 7.1 hours
        clock.advance(Duration.ofHours(7).plusMinutes(59));
        assertThat(repository.add("ev-1")).as("a redelivery after 7h59m").isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(repository.contains("ev-1")).as("forgotten after 8 hours").isFalse();
    }

    @Test
    void byDefaultHoldsAHundredThousandIds() {
        TimeBoundedIdempotentRepository repository = new TimeBoundedIdempotentRepository(clock);
        for (int i = 0; i <= 100_000; i++) {
            repository.add("ev-" + i);
        }

        assertThat(repository.size()).isEqualTo(100_000);
        assertThat(repository.contains("ev-0")).isFalse();
        assertThat(repository.contains("ev-1")).isTrue();
    }

    @Test
    void remembersAnIdUntilItExpires() {
        TimeBoundedIdempotentRepository repository = new TimeBoundedIdempotentRepository(Duration.ofHours(8), 10, clock);

        assertThat(repository.add("ev-1")).isTrue();
        clock.advance(Duration.ofHours(7).plusMinutes(59));
        assertThat(repository.add("ev-1")).isFalse();
        assertThat(repository.contains("ev-1")).isTrue();

        clock.advance(Duration.ofMinutes(2));
        assertThat(repository.contains("ev-1")).isFalse();
        assertThat(repository.add("ev-1")).isTrue();
    }

    @Test
    void removedIdIsAcceptedAgain() {
        TimeBoundedIdempotentRepository repository = new TimeBoundedIdempotentRepository(Duration.ofHours(8), 10, clock);
        repository.add("ev-1");

        assertThat(repository.remove("ev-1")).isTrue();
        assertThat(repository.add("ev-1")).isTrue();
        assertThat(repository.confirm("ev-1")).isTrue();
    }

    @Test
    void forgetsTheOldestIdsBeyondItsCapacity() {
        TimeBoundedIdempotentRepository repository = new TimeBoundedIdempotentRepository(Duration.ofHours(8), 3, clock);
        for (int i = 1; i <= 5; i++) {
            repository.add("ev-" + i);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(repository.size()).isEqualTo(3);
        assertThat(repository.contains("ev-1")).isFalse();
        assertThat(repository.contains("ev-2")).isFalse();
        assertThat(repository.contains("ev-5")).isTrue();
    }

    @Test
    void expiredIdsAreDroppedFromMemory() {
        TimeBoundedIdempotentRepository repository = new TimeBoundedIdempotentRepository(Duration.ofMinutes(1), 100, clock);
        repository.add("ev-1");
        repository.add("ev-2");
        clock.advance(Duration.ofMinutes(2));

        repository.add("ev-3");

        assertThat(repository.size()).isEqualTo(1);
    }
}
