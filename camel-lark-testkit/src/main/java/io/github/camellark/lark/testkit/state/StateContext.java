package io.github.camellark.lark.testkit.state;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What every part of the simulated tenant shares: the one lock that guards all of it, the clock, the id source and the
 * listeners (called after the lock is released).
 */
final class StateContext {

    final Object lock = new Object();
    final Clock clock;
    final Ids ids;
    private final List<StateListener> listeners = new CopyOnWriteArrayList<>();

    StateContext(Clock clock, Ids ids) {
        this.clock = clock;
        this.ids = ids;
    }

    Instant now() {
        return clock.instant();
    }

    void addListener(StateListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    void removeListener(StateListener listener) {
        listeners.remove(listener);
    }

    void fire(Consumer<StateListener> event) {
        for (StateListener listener : listeners) {
            event.accept(listener);
        }
    }
}
