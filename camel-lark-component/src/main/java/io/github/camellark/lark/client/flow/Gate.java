package io.github.camellark.lark.client.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.client.http.HttpTransport;

/**
 * The calls of one key (the app, or one receiver) under their limits: a call goes through at once while every window
 * has room and nobody waits, and otherwise waits in line, first come first served, on a timer (never on a thread).
 * A waiting call gives up at its deadline; the line as a whole is bounded by the app's {@link FlowControl}.
 */
final class Gate {

    /** The future of a call let through at once: shared, nothing to allocate on the fast path. */
    static final CompletableFuture<Void> OPEN = CompletableFuture.completedFuture(null);

    private final FlowControl owner;
    private final String key;
    private final RollingWindow[] windows;
    private final ArrayDeque<Waiter> line = new ArrayDeque<>();
    private long pausedUntil;
    private boolean paused;
    private HttpTransport.Timer wake;
    private long wakeAt;
    /** Callers that found this gate in the receivers' map and have not queued or passed yet: it must stay there. */
    private int arriving;

    Gate(FlowControl owner, String key, RollingWindow... windows) {
        this.owner = owner;
        this.key = key;
        this.windows = windows;
    }

    String key() {
        return key;
    }

    synchronized void arrive() {
        arriving++;
    }

    /**
     * Takes a place in every window, now or once there is room; the future fails with a {@link FlowControlException}
     * when the deadline passes first or the line is full.
     */
    CompletableFuture<Void> acquire(long deadline) {
        Waiter waiter;
        synchronized (this) {
            arriving = Math.max(0, arriving - 1);
            long now = owner.nanoTime();
            if (line.isEmpty() && open(now)) {
                take();
                return OPEN;
            }
            if (!owner.enterLine()) {
                return CompletableFuture.failedFuture(owner.lineFull(this));
            }
            waiter = new Waiter(now);
            line.addLast(waiter);
            waiter.timeout = owner.timers().schedule(Math.max(0, (deadline - now) / 1_000_000L), () -> giveUp(waiter));
            scheduleWake(now);
        }
        owner.waitStarted();
        return waiter.future;
    }

    /** The call let through by this gate was answered at {@code now}. */
    void answered(long now) {
        synchronized (this) {
            for (RollingWindow window : windows) {
                window.answered(now);
            }
        }
        drain();
    }

    /** The call let through by this gate never left (a later gate refused it): its places are free again. */
    void withdrawn() {
        synchronized (this) {
            for (RollingWindow window : windows) {
                window.withdrawn();
            }
        }
        drain();
    }

    /** Lark said to wait: nothing goes through this gate for {@code nanos}. */
    void pause(long nanos) {
        synchronized (this) {
            long until = owner.nanoTime() + nanos;
            if (!paused || until - pausedUntil > 0) {
                pausedUntil = until;
                paused = true;
            }
        }
        drain();
    }

    /** Lark said its limit is lower than configured: the first window (per second) follows it. */
    synchronized void lowerLimit(int limit) {
        windows[0].lowerLimit(limit);
    }

    synchronized int waiting() {
        return line.size();
    }

    synchronized int used(int window, long now) {
        return windows[window].used(now);
    }

    synchronized int limit(int window) {
        return windows[window].limit();
    }

    synchronized boolean isIdle(long now) {
        if (arriving > 0 || !line.isEmpty()) {
            return false;
        }
        for (RollingWindow window : windows) {
            if (!window.isIdle(now)) {
                return false;
            }
        }
        return true;
    }

    /** Describes the limit for error messages: "5 calls per second to receiver oc_x". */
    String describeLimit() {
        StringBuilder text = new StringBuilder();
        synchronized (this) {
            for (RollingWindow window : windows) {
                text.append(text.length() == 0 ? "" : " and ").append(window.limit()).append(" calls per ")
                        .append(window.windowNanos() >= 60_000_000_000L ? "minute" : "second");
            }
        }
        return text.append(' ').append(key).toString();
    }

    private boolean open(long now) {
        if (paused) {
            if (now - pausedUntil < 0) {
                return false;
            }
            paused = false;
        }
        for (RollingWindow window : windows) {
            if (!window.hasRoom(now)) {
                return false;
            }
        }
        return true;
    }

    private void take() {
        for (RollingWindow window : windows) {
            window.take();
        }
    }

    /** Lets through the calls at the head of the line that fit now; completes them outside the lock. */
    private void drain() {
        List<Waiter> passed = null;
        synchronized (this) {
            long now = owner.nanoTime();
            while (!line.isEmpty() && open(now)) {
                Waiter next = line.pollFirst();
                take();
                if (passed == null) {
                    passed = new ArrayList<>(2);
                }
                passed.add(next);
            }
            if (!line.isEmpty()) {
                scheduleWake(now);
            }
        }
        if (passed != null) {
            for (Waiter waiter : passed) {
                waiter.timeout.cancel();
                owner.leaveLine(owner.nanoTime() - waiter.since);
                waiter.future.complete(null);
            }
        }
    }

    /** A timer for when the head of the line may go, unless an answer will tell (every place in flight). */
    private void scheduleWake(long now) {
        long at = paused ? pausedUntil : now;
        for (RollingWindow window : windows) {
            if (!window.hasRoom(now)) {
                long roomAt = window.roomAt();
                if (roomAt == Long.MAX_VALUE) {
                    return;
                }
                at = Math.max(at, roomAt);
            }
        }
        if (wake != null && wakeAt - at <= 0) {
            return;
        }
        if (wake != null) {
            wake.cancel();
        }
        wakeAt = at;
        wake = owner.timers().schedule(Math.max(1, (at - now + 999_999L) / 1_000_000L), this::woken);
    }

    private void woken() {
        synchronized (this) {
            wake = null;
        }
        drain();
    }

    private void giveUp(Waiter waiter) {
        boolean removed;
        synchronized (this) {
            removed = line.remove(waiter);
        }
        if (removed) {
            owner.leaveLine(owner.nanoTime() - waiter.since);
            owner.gaveUp();
            waiter.future.completeExceptionally(owner.waitedTooLong(this));
        }
    }

    /** Fails every waiting call: the component is stopping. */
    void close() {
        List<Waiter> left;
        synchronized (this) {
            left = new ArrayList<>(line);
            line.clear();
            if (wake != null) {
                wake.cancel();
                wake = null;
            }
        }
        for (Waiter waiter : left) {
            waiter.timeout.cancel();
            owner.leaveLine(0);
            waiter.future.completeExceptionally(new IllegalStateException("Lark flow control stopped while the call waited"));
        }
    }

    private static final class Waiter {
        final CompletableFuture<Void> future = new CompletableFuture<>();
        final long since;
        HttpTransport.Timer timeout;

        Waiter(long since) {
            this.since = since;
        }
    }
}
