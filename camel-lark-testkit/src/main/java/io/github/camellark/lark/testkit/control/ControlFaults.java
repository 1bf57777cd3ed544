package io.github.camellark.lark.testkit.control;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camellark.lark.testkit.Faults;
import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.events.RetrySchedule;
import io.github.camellark.lark.testkit.events.Tampering;
import io.github.camellark.lark.testkit.events.Webhook;
import io.github.camellark.lark.testkit.http.SimResponse;
import io.github.camellark.lark.testkit.ws.ClientConfig;
import io.github.camellark.lark.testkit.ws.HandshakeRejection;
import io.github.camellark.lark.testkit.ws.LongConnectionServer;
import io.github.camellark.lark.testkit.ws.WsFaults;

/** Control calls that configure how events reach the app and inject faults on REST, webhooks and the long connection. */
final class ControlFaults {

    private final LarkSimulator sim;
    private final ControlApi api;

    ControlFaults(LarkSimulator sim, ControlApi api) {
        this.sim = sim;
        this.api = api;
    }

    void register() {
        api.route("POST", "/faults/rest", request -> restFault(api.input(request)));
        api.route("DELETE", "/faults/rest", request -> {
            sim.faults().clear();
            return ControlApi.ok(ControlViews.object("pending", sim.faults().pending()));
        });
        api.route("PUT", "/rate-limits", request -> rateLimits(api.input(request)));
        api.route("DELETE", "/rate-limits", request -> {
            sim.rateLimits().off();
            return ControlApi.ok(ControlViews.object("enforced", false));
        });
        api.route("PUT", "/webhook", request -> webhook(api.input(request)));
        api.route("DELETE", "/webhook", request -> {
            sim.events().clearDeliveries();
            return ControlApi.ok(ControlViews.object("delivery", "long connection"));
        });
        api.route("PUT", "/long-connection", request -> configureLongConnection(api.input(request)));
        api.route("POST", "/faults/long-connection", request -> longConnectionFault(api.input(request)));
    }

    /**
     * Enforces Lark's rate limits from now on: {@code app_per_second} (50), {@code app_per_minute} (1000) and
     * {@code receiver_per_second} (5), see {@link io.github.camellark.lark.testkit.RateLimits}.
     */
    private SimResponse rateLimits(ControlInput in) {
        sim.rateLimits().perApp(in.integer("app_per_second", 50), in.integer("app_per_minute", 1000))
                .perReceiver(in.integer("receiver_per_second", 5)).enforce();
        return ControlApi.ok(ControlViews.object("enforced", true));
    }

    /**
     * {@code kind}: fail ({@code http_status}, optional {@code code}/{@code msg}), rate_limit ({@code reset_seconds}),
     * delay ({@code delay_ms}), reset_connection, invalidate_tokens, fail_token_requests ({@code code}); {@code count}
     * requests (default 1), only those matching {@code method} + {@code path} (pattern: {@code *} one segment, trailing
     * {@code **} the rest) when given.
     */
    private SimResponse restFault(ControlInput in) {
        Faults faults = in.optionalText("path").isPresent()
                ? sim.faults().on(in.optionalText("method").orElse("*"), in.text("path"))
                : sim.faults();
        int count = in.integer("count", 1);
        String kind = in.text("kind");
        switch (kind) {
            case "fail" -> {
                int status = in.integer("http_status", 500);
                if (in.optionalText("code").isPresent()) {
                    faults.failNext(count, status, in.integer("code", 0), in.optionalText("msg").orElse("simulated failure"));
                } else {
                    faults.failNext(count, status);
                }
            }
            case "rate_limit" -> faults.rateLimitNext(count, in.integer("reset_seconds", 1));
            case "delay" -> faults.delayNext(count, Duration.ofMillis(in.integer("delay_ms", 1000)));
            case "reset_connection" -> faults.resetConnectionNext(count);
            case "invalidate_tokens" -> faults.invalidateTokens();
            case "fail_token_requests" -> faults.failTokenRequestsNext(count, in.integer("code", 10014));
            default -> throw ControlInput.invalid("\"kind\" must be fail, rate_limit, delay, reset_connection, "
                    + "invalidate_tokens or fail_token_requests; got " + kind);
        }
        return ControlApi.ok(ControlViews.object("pending", sim.faults().pending()));
    }

    /**
     * Events go to this webhook URL (instead of any earlier delivery): {@code url}, {@code encrypt_key} (default: the
     * simulator's; "" for plaintext), {@code response_budget_ms}, {@code retry_delays_ms}, and the faults
     * {@code tampering} (a {@link Tampering} name), {@code wrong_signature_key}, {@code wrong_encryption_key}.
     */
    private SimResponse webhook(ControlInput in) {
        Webhook hook = sim.webhook(in.text("url"));
        String key = in.optionalText("encrypt_key").orElse(sim.encryptKey());
        if (key != null && !key.isEmpty()) {
            hook = hook.withEncryptKey(key);
        }
        if (in.optionalText("response_budget_ms").isPresent()) {
            hook = hook.withResponseBudget(Duration.ofMillis(in.integer("response_budget_ms", 3000)));
        }
        RetrySchedule schedule = schedule(in.node("retry_delays_ms"));
        if (schedule != null) {
            hook = hook.withRetrySchedule(schedule);
        }
        if (in.optionalText("tampering").isPresent()) {
            String tampering = in.text("tampering").toUpperCase(Locale.ROOT);
            try {
                hook = hook.withTampering(Tampering.valueOf(tampering));
            } catch (IllegalArgumentException e) {
                throw ControlInput.invalid("\"tampering\" must be one of " + List.of(Tampering.values()) + "; got " + tampering);
            }
        }
        hook = in.optionalText("wrong_signature_key").map(hook::withWrongSignatureKey).orElse(hook);
        hook = in.optionalText("wrong_encryption_key").map(hook::withWrongEncryptionKey).orElse(hook);
        sim.events().clearDeliveries().deliverTo(hook);
        return ControlApi.ok(ControlViews.object("delivery", hook.toString()));
    }

    /** {@code client_config} (Lark's names, seconds), {@code ack_timeout_ms}, {@code retry_delays_ms}. */
    private SimResponse configureLongConnection(ControlInput in) throws java.io.IOException {
        LongConnectionServer ws = sim.longConnection();
        JsonNode config = in.node("client_config");
        if (config.isObject()) {
            ClientConfig current = ws.clientConfig();
            ws.clientConfig(new ClientConfig(config.path("ReconnectCount").asInt(current.reconnectCount()),
                    config.path("ReconnectInterval").asInt(current.reconnectInterval()),
                    config.path("ReconnectNonce").asInt(current.reconnectNonce()),
                    config.path("PingInterval").asInt(current.pingInterval())));
        }
        if (in.optionalText("ack_timeout_ms").isPresent()) {
            ws.ackTimeout(Duration.ofMillis(in.integer("ack_timeout_ms", 3000)));
        }
        RetrySchedule schedule = schedule(in.node("retry_delays_ms"));
        if (schedule != null) {
            ws.retrySchedule(schedule);
        }
        return ControlApi.ok(ControlViews.object("client_config", sim.mapper().readTree(ws.clientConfig().toJson()),
                "ack_timeout_ms", ws.ackTimeout().toMillis()));
    }

    /**
     * {@code action}: drop (abrupt close of every connection), go_silent (no pongs, nothing sent), refuse_handshakes
     * ({@code count}, {@code status} 514 or 403, {@code auth_code}, {@code msg}), fail_discoveries ({@code count},
     * {@code code} or {@code http_status}, {@code msg}), limit_connections ({@code max}), clear.
     */
    private SimResponse longConnectionFault(ControlInput in) {
        WsFaults faults = sim.longConnection().faults();
        int count = in.integer("count", 1);
        String action = in.text("action");
        switch (action) {
            case "drop" -> faults.dropAllConnections();
            case "go_silent" -> faults.goSilent();
            case "refuse_handshakes" -> faults.rejectNextHandshakes(count, rejection(in));
            case "fail_discoveries" -> {
                if (in.optionalText("http_status").isPresent()) {
                    faults.failNextDiscoveriesWithHttpStatus(count, in.integer("http_status", 503));
                } else {
                    faults.failNextDiscoveries(count, in.integer("code", LongConnectionServer.INTERNAL_ERROR),
                            in.optionalText("msg").orElse("internal error"));
                }
            }
            case "limit_connections" -> faults.limitConnections(in.integer("max", 50));
            case "clear" -> faults.clear();
            default -> throw ControlInput.invalid("\"action\" must be drop, go_silent, refuse_handshakes, fail_discoveries, "
                    + "limit_connections or clear; got " + action);
        }
        return ControlApi.ok(ControlViews.object("action", action));
    }

    private static HandshakeRejection rejection(ControlInput in) {
        int status = in.integer("status", HandshakeRejection.AUTH_FAILED);
        if (status == HandshakeRejection.FORBIDDEN) {
            return HandshakeRejection.forbidden();
        }
        if (status != HandshakeRejection.AUTH_FAILED) {
            throw ControlInput.invalid("\"status\" must be 514 or 403; got " + status);
        }
        int authCode = in.integer("auth_code", HandshakeRejection.EXCEED_CONNECTION_LIMIT);
        return authCode == HandshakeRejection.EXCEED_CONNECTION_LIMIT ? HandshakeRejection.connectionLimit()
                : HandshakeRejection.authFailed(authCode, in.optionalText("msg").orElse("auth failed"));
    }

    /** A JSON array of milliseconds as a retry schedule, or null when absent. */
    private static RetrySchedule schedule(JsonNode delays) {
        if (delays.isMissingNode() || delays.isNull()) {
            return null;
        }
        if (!delays.isArray()) {
            throw ControlInput.invalid("\"retry_delays_ms\" must be an array of milliseconds, e.g. [100, 100]");
        }
        Duration[] schedule = new Duration[delays.size()];
        for (int i = 0; i < schedule.length; i++) {
            schedule[i] = Duration.ofMillis(delays.get(i).asLong());
        }
        return RetrySchedule.of(schedule);
    }
}
