package io.github.camellark.lark.event;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks on a shared pool of routing threads, one at a time per key and in the order they were submitted, and
 * tasks of different keys in parallel. A task is finished when it calls its {@code done} callback, which may happen on
 * another thread (an asynchronous route): only then does the next task of its key start.
 * <p>
 * Bounded: at most {@code maxPerKey} tasks wait or run for one key, and {@code maxTotal} in all. A submission beyond
 * either bound is refused, so the caller answers "try later" instead of growing memory. Callers that can stop reading
 * (the WebSocket) ask {@link #whenRoom} to be told when the total is back under half the bound.
 * <p>
 * Tasks without a key have no order and take no lane. One lock guards everything: each operation is a few field
 * updates, far cheaper than the hand-off to the routing thread that follows.
 */
final class OrderedDispatcher {

    /** One unit of work; must call {@code done} exactly once. */
    interface Task {
        void run(Runnable done);

        /** Called instead of {@link #run} when the routing threads are gone (stopping). */
        void reject();
    }

    /** The tasks of one key: the running one is not in the queue. */
    private static final class Lane {
        final ArrayDeque<Task> waiting = new ArrayDeque<>();
        int size;
    }

    private final Executor executor;
    private final int maxPerKey;
    private final int maxTotal;
    private final Map<String, Lane> lanes = new HashMap<>();
    private final List<Runnable> roomListeners = new ArrayList<>();
    private int total;

    OrderedDispatcher(Executor executor, int maxPerKey, int maxTotal) {
        if (maxPerKey < 1 || maxTotal < 1) {
            throw new IllegalArgumentException("maxPerKey and maxTotal must be at least 1, got " + maxPerKey + " and " + maxTotal);
        }
        this.executor = executor;
        this.maxPerKey = maxPerKey;
        this.maxTotal = maxTotal;
    }

    /**
     * Queues the task behind the others of its key (null: no order).
     *
     * @return false when a bound is reached: the task will never run
     */
    boolean submit(String key, Task task) {
        Lane lane = null;
        boolean startNow;
        synchronized (this) {
            if (total >= maxTotal) {
                return false;
            }
            if (key != null) {
                lane = lanes.computeIfAbsent(key, k -> new Lane());
                if (lane.size >= maxPerKey) {
                    return false;
                }
                startNow = lane.size == 0;
                lane.size++;
                if (!startNow) {
                    lane.waiting.add(task);
                }
            } else {
                startNow = true;
            }
            total++;
        }
        if (startNow) {
            start(key, lane, task);
        }
        return true;
    }

    /** Tasks waiting or running. */
    synchronized int pending() {
        return total;
    }

    /** Whether a submission now would find room in the total bound. */
    synchronized boolean hasRoom() {
        return total < maxTotal;
    }

    /** Runs the listener once, when the total falls to half the bound (at once if it is there now). */
    void whenRoom(Runnable listener) {
        synchronized (this) {
            if (total > maxTotal / 2) {
                roomListeners.add(listener);
                return;
            }
        }
        listener.run();
    }

    private void start(String key, Lane lane, Task task) {
        try {
            executor.execute(() -> task.run(() -> finished(key, lane)));
        } catch (RejectedExecutionException e) {
            task.reject();
            finished(key, lane);
        }
    }

    /** The task of the lane is finished: start the next one of its key, if any. */
    private void finished(String key, Lane lane) {
        Task next = null;
        List<Runnable> listeners = List.of();
        synchronized (this) {
            total--;
            if (lane != null) {
                lane.size--;
                next = lane.waiting.poll();
                if (lane.size == 0) {
                    lanes.remove(key, lane);
                }
            }
            if (!roomListeners.isEmpty() && total <= maxTotal / 2) {
                listeners = new ArrayList<>(roomListeners);
                roomListeners.clear();
            }
        }
        listeners.forEach(Runnable::run);
        if (next != null) {
            start(key, lane, next);
        }
    }
}
