package io.github.camellark.lark.testkit.state;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Lark's memory of request {@code uuid}s: a repeat within the window gets the first result. Part of {@link SimulatorState}. */
final class IdempotencyWindow {

    private record Remembered(Object result, Instant at, boolean inFlight) {
    }

    private final StateContext context;
    private final Map<String, Remembered> remembered = new LinkedHashMap<>();

    IdempotencyWindow(StateContext context) {
        this.context = context;
    }

    void clear() {
        remembered.clear();
    }

    @SuppressWarnings("unchecked")
    <T> T idempotent(String key, Duration window, Supplier<T> action) {
        if (key == null) {
            return action.get();
        }
        Remembered placeholder = new Remembered(null, context.now(), true);
        synchronized (context.lock) {
            Remembered existing = remembered.get(key);
            if (existing != null && existing.at().plus(window).isAfter(context.now())) {
                if (existing.inFlight()) {
                    throw new SimulatorState.InFlightException(key);
                }
                return (T) existing.result();
            }
            remembered.put(key, placeholder);
        }
        try {
            T result = action.get();
            synchronized (context.lock) {
                remembered.put(key, new Remembered(result, placeholder.at(), false));
            }
            return result;
        } catch (RuntimeException e) {
            synchronized (context.lock) {
                remembered.remove(key, placeholder);
            }
            throw e;
        }
    }
}
