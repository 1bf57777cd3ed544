package io.github.camellark.lark.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock tests move by hand, to expire tokens, uuid windows and dedupe memory without waiting: give it to the
 * simulator ({@link LarkSimulator.Builder#clock}) or to the code under test. Time only moves when told to.
 */
public final class MutableClock extends Clock {

    /** Where {@link #MutableClock()} starts: a fixed instant, so runs are alike. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-24T00:00:00Z");

    private volatile Instant now;

    public MutableClock() {
        this(DEFAULT_START);
    }

    public MutableClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Moves the time forward (or back, with a negative duration). */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
