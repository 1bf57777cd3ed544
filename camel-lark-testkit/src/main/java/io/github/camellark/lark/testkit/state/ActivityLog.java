package io.github.camellark.lark.testkit.state;

import java.util.ArrayList;
import java.util.List;

/** Side effects that leave no message behind (buzzes, card updates, toasts...), in order. Part of {@link SimulatorState}. */
final class ActivityLog {

    private final StateContext context;
    private final List<Activity> activities = new ArrayList<>();

    ActivityLog(StateContext context) {
        this.context = context;
    }

    void clear() {
        activities.clear();
    }

    void record(Activity activity) {
        synchronized (context.lock) {
            activities.add(activity);
        }
        context.fire(l -> l.activity(activity));
    }

    List<Activity> activities() {
        synchronized (context.lock) {
            return List.copyOf(activities);
        }
    }

    List<Activity> activities(String kind) {
        synchronized (context.lock) {
            return activities.stream().filter(a -> a.kind().equals(kind)).toList();
        }
    }
}
