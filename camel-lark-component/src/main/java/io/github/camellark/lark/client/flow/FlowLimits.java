package io.github.camellark.lark.client.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits of one app's flow control, from the endpoint options of the same names.
 *
 * @param appRateLimitPerSecond      calls per second of the app (per tenant for store apps), all endpoints together
 * @param appRateLimitPerMinute      calls per minute of the app
 * @param receiverRateLimitPerSecond sends and replies per second to one user or chat, and card updates per message
 * @param maxWait                    how long a call may wait for its place before it fails
 * @param maxQueued                  how many calls of the app may wait at once; more fail at once
 */
public record FlowLimits(int appRateLimitPerSecond, int appRateLimitPerMinute, int receiverRateLimitPerSecond,
                         Duration maxWait, int maxQueued) {

    public FlowLimits {
        atLeastOne("appRateLimitPerSecond", appRateLimitPerSecond);
        atLeastOne("appRateLimitPerMinute", appRateLimitPerMinute);
        atLeastOne("receiverRateLimitPerSecond", receiverRateLimitPerSecond);
        atLeastOne("flowControlMaxQueued", maxQueued);
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("flowControlMaxWait must not be negative, got " + maxWait.toMillis() + " ms");
        }
    }

    private static void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + value);
        }
    }

    /** The options that differ from {@code other}'s, as "name: this vs other", for the error of endpoints that disagree. */
    public List<String> differencesFrom(FlowLimits other) {
        List<String> differences = new ArrayList<>();
        differ(differences, "appRateLimitPerSecond", appRateLimitPerSecond, other.appRateLimitPerSecond);
        differ(differences, "appRateLimitPerMinute", appRateLimitPerMinute, other.appRateLimitPerMinute);
        differ(differences, "receiverRateLimitPerSecond", receiverRateLimitPerSecond, other.receiverRateLimitPerSecond);
        differ(differences, "flowControlMaxWait", maxWait.toMillis(), other.maxWait.toMillis());
        differ(differences, "flowControlMaxQueued", maxQueued, other.maxQueued);
        return differences;
    }

    private static void differ(List<String> differences, String option, long mine, long theirs) {
        if (mine != theirs) {
            differences.add(option + " " + mine + " (here) vs " + theirs);
        }
    }
}
