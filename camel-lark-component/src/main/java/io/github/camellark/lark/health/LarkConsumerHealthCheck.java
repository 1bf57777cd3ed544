package io.github.camellark.lark.health;

import java.util.Map;
import java.util.function.Supplier;

import io.github.camellark.lark.event.ConnectionStatus;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Health of a {@code lark:events} consumer's connection to Lark. Camel reaches it through the consumer
 * ({@link org.apache.camel.health.HealthCheckAware}), as the check {@code consumer:<routeId>}:
 * <ul>
 * <li>connected: UP;</li>
 * <li>connecting or reconnecting: DOWN for readiness (events are not arriving), UP for liveness (it heals itself);</li>
 * <li>failed (bad credentials, connection limit, forbidden, reconnects exhausted): DOWN, with the reason;</li>
 * <li>stopped: UNKNOWN.</li>
 * </ul>
 */
public final class LarkConsumerHealthCheck extends LarkHealthCheck {

    public static final String STATE = "lark.state";
    public static final String SINCE = "lark.since";

    private final Supplier<ConnectionStatus> status;

    public LarkConsumerHealthCheck(String id, Supplier<ConnectionStatus> status) {
        super(id);
        this.status = status;
    }

    @Override
    void check(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ConnectionStatus current = status.get();
        builder.detail(STATE, current.state().name()).detail(SINCE, current.since().toString()).details(current.details());
        if (current.reason() != null) {
            builder.message(current.reason());
        }
        if (current.error() != null) {
            builder.error(current.error());
        }
        boolean liveness = Kind.LIVENESS.equals(options.get(CHECK_KIND));
        switch (current.state()) {
            case CONNECTED -> builder.up();
            case CONNECTING, RECONNECTING -> {
                if (liveness) {
                    builder.up();
                } else {
                    builder.down();
                }
            }
            case FAILED -> builder.down();
            default -> builder.unknown();
        }
    }
}
