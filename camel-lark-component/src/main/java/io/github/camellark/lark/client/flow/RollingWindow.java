package io.github.camellark.lark.client.flow;

/**
 * One limit, "at most {@code limit} calls in any {@code window}", counted the strict way: a call holds its place from
 * the moment it is let through until one window after Lark answered it. Lark receives the call somewhere between the
 * two, so however the network delays one call and hurries the next, Lark never sees more than {@code limit} calls in any
 * rolling window (no "5 at the end of a second and 5 more at the start of the next", as a token bucket with a burst
 * allows). The price is the round trip: with Lark answering in 100 ms, a 5-a-second limit lets 5 calls through every
 * 1.1 s.
 * <p>
 * Not thread-safe: its {@link Gate} guards it.
 */
final class RollingWindow {

    private final long windowNanos;
    /** When the calls that got their answer were answered, oldest first: a ring that grows up to the limit. */
    private long[] answeredAt;
    private int head;
    private int size;
    private int inFlight;
    private int limit;

    RollingWindow(int limit, long windowNanos) {
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.answeredAt = new long[Math.min(limit, 64)];
    }

    int limit() {
        return limit;
    }

    long windowNanos() {
        return windowNanos;
    }

    /** Lowers the limit (Lark said it is lower than configured); never raises it above the configured one. */
    void lowerLimit(int lower) {
        if (lower >= 1 && lower < limit) {
            limit = lower;
        }
    }

    boolean hasRoom(long now) {
        forgetBefore(now - windowNanos);
        return inFlight + size < limit;
    }

    /** Calls counted now (in flight, or answered within the last window). */
    int used(long now) {
        forgetBefore(now - windowNanos);
        return inFlight + size;
    }

    void take() {
        inFlight++;
    }

    /** The call was answered (or failed) at {@code now}: it keeps its place for one more window. */
    void answered(long now) {
        inFlight--;
        forgetBefore(now - windowNanos);
        if (size == answeredAt.length) {
            grow();
        }
        answeredAt[(head + size) % answeredAt.length] = now;
        size++;
    }

    /** The call never left (its wait was cut short): its place is free again at once. */
    void withdrawn() {
        inFlight--;
    }

    /**
     * When a place frees up, if nothing else happens: one window after the oldest answer; {@link Long#MAX_VALUE} when
     * every place is held by a call still in flight (its answer will tell).
     */
    long roomAt() {
        return size == 0 ? Long.MAX_VALUE : answeredAt[head] + windowNanos;
    }

    boolean isIdle(long now) {
        forgetBefore(now - windowNanos);
        return inFlight == 0 && size == 0;
    }

    /** Never beyond the places the limit allows: inFlight + size stays within it (lowerLimit only lowers the limit). */
    private void grow() {
        long[] larger = new long[answeredAt.length * 2];
        for (int i = 0; i < size; i++) {
            larger[i] = answeredAt[(head + i) % answeredAt.length];
        }
        answeredAt = larger;
        head = 0;
    }

    private void forgetBefore(long oldest) {
        while (size > 0 && answeredAt[head] - oldest <= 0) {
            head = (head + 1) % answeredAt.length;
            size--;
        }
    }
}
