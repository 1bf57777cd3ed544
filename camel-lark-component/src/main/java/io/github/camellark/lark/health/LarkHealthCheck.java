package io.github.camellark.lark.health;

import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/** What the component's health checks share: an id in Camel's group, an on/off switch, and UNKNOWN while off. */
abstract class LarkHealthCheck implements HealthCheck {

    private final String id;
    private volatile boolean enabled = true;

    LarkHealthCheck(String id) {
        this.id = id;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        if (!enabled) {
            return builder.message("Disabled").detail(CHECK_ENABLED, false).unknown().build();
        }
        check(builder, options);
        return builder.build();
    }

    /** Fills the result of an enabled check: its state, message and details. */
    abstract void check(HealthCheckResultBuilder builder, Map<String, Object> options);
}
