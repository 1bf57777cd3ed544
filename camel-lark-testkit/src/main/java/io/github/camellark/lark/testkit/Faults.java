package io.github.camellark.lark.testkit;

import io.github.camellark.lark.testkit.auth.TokenService;
import io.github.camellark.lark.testkit.http.FaultAction;
import io.github.camellark.lark.testkit.http.SimRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Failures on demand. Each {@code …Next(n, …)} call queues a fault for the next {@code n} matching
 * requests; queued faults are used in order. Gateway faults (rate limit, HTTP errors, delays,
 * resets) hit every request except the {@code auth/v3} token calls, or only those matching
 * {@link #on(String, String)}; token calls have their own {@link #failTokenRequests(int)}.
 * <pre>{@code
 * sim.faults().rateLimitNext(1, 2);                                     // 429 + x-ogw-ratelimit-reset: 2
 * sim.faults().on("POST", "/open-apis/im/v1/messages").failNext(2, 503);
 * sim.faults().invalidateTokens();                                      // next calls get 99991663
 * }</pre>
 */
public final class Faults {

    private final Shared shared;
    private final PathPattern scope;

    Faults(TokenService tokens) {
        this(new Shared(tokens), null);
    }

    private Faults(Shared shared, PathPattern scope) {
        this.shared = shared;
        this.scope = scope;
    }

    /** Faults queued on the returned view only hit requests matching {@code method} and {@code pathPattern}. */
    public Faults on(String method, String pathPattern) {
        return new Faults(shared, new PathPattern(method, pathPattern));
    }

    /** HTTP 429 with {@code {"code":99991400,"msg":"request trigger frequency limit"}} and Lark's rate-limit headers. */
    public Faults rateLimitNext(int n, int resetSeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 99991400);
        body.put("msg", "request trigger frequency limit");
        return queue(n, FaultAction.reply(429, body, Map.of(
                "x-ogw-ratelimit-limit", "50",
                "x-ogw-ratelimit-reset", Integer.toString(resetSeconds))));
    }

    /** An HTTP error from the gateway (e.g. 500, 502, 503, 504) with a JSON body. */
    public Faults failNext(int n, int httpStatus) {
        Map<String, Object> body = new LinkedHashMap<>();
        // (unverified) Lark does not document the body of gateway errors; the status is what matters
        body.put("code", httpStatus);
        body.put("msg", "simulated gateway failure: HTTP " + httpStatus);
        return queue(n, FaultAction.reply(httpStatus, body, Map.of()));
    }

    /** A Lark error reply of your choice, e.g. {@code failNext(1, 400, 230020, "rate limit")}. */
    public Faults failNext(int n, int httpStatus, int code, String msg) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("msg", msg);
        return queue(n, FaultAction.reply(httpStatus, body, Map.of()));
    }

    /** Waits {@code delay} before answering normally (the request is still processed). */
    public Faults delayNext(int n, Duration delay) {
        return queue(n, FaultAction.delay(delay));
    }

    /** Closes the connection without a reply; the request is not processed. */
    public Faults resetConnectionNext(int n) {
        return queue(n, FaultAction.resetConnection());
    }

    /** Every access token issued so far becomes invalid: business calls get 99991663 until a new token is fetched. */
    public Faults invalidateTokens() {
        shared.tokens.invalidateAll();
        return this;
    }

    /** Every token request answers {@code code} (HTTP 200, no token) until {@link #clear()}. */
    public Faults failTokenRequests(int code) {
        synchronized (shared) {
            shared.tokenFailure = code;
            shared.tokenFailuresLeft = Integer.MAX_VALUE;
        }
        return this;
    }

    /** The next {@code n} token requests answer {@code code} (HTTP 200, no token). */
    public Faults failTokenRequestsNext(int n, int code) {
        synchronized (shared) {
            shared.tokenFailure = code;
            shared.tokenFailuresLeft = n;
        }
        return this;
    }

    /** Drops every queued fault and token failure. */
    public void clear() {
        synchronized (shared) {
            shared.queue.clear();
            shared.tokenFailuresLeft = 0;
        }
    }

    /** How many faulted requests are still queued (token failures not counted). */
    public int pending() {
        synchronized (shared) {
            return shared.queue.stream().mapToInt(e -> e.remaining).sum();
        }
    }

    private Faults queue(int n, FaultAction action) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive");
        }
        synchronized (shared) {
            shared.queue.add(new Entry(scope, action, n));
        }
        return this;
    }

    /** The fault for this request, consuming it. Called by the server for every request. */
    FaultAction take(SimRequest request) {
        synchronized (shared) {
            if (isTokenRequest(request.path())) {
                if (shared.tokenFailuresLeft > 0 && request.path().contains("access_token")) {
                    shared.tokenFailuresLeft--;
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("code", shared.tokenFailure);
                    body.put("msg", tokenFailureMessage(shared.tokenFailure));
                    return FaultAction.reply(200, body, Map.of());
                }
                return null;
            }
            for (Iterator<Entry> it = shared.queue.iterator(); it.hasNext(); ) {
                Entry entry = it.next();
                if (entry.scope == null || entry.scope.matches(request.method(), request.path())) {
                    if (--entry.remaining == 0) {
                        it.remove();
                    }
                    return entry.action;
                }
            }
            return null;
        }
    }

    private static boolean isTokenRequest(String path) {
        return path.startsWith("/open-apis/auth/");
    }

    private static String tokenFailureMessage(int code) {
        return switch (code) {
            case 10003 -> "invalid param";
            case 10012 -> "app_ticket is invalid";
            case 10014 -> "app secret invalid";
            case 10015 -> "app is disabled";
            default -> "simulated token failure";
        };
    }

    private static final class Shared {
        private final TokenService tokens;
        private final List<Entry> queue = new ArrayList<>();
        private int tokenFailure;
        private int tokenFailuresLeft;

        Shared(TokenService tokens) {
            this.tokens = tokens;
        }
    }

    private static final class Entry {
        private final PathPattern scope;
        private final FaultAction action;
        private int remaining;

        Entry(PathPattern scope, FaultAction action, int remaining) {
            this.scope = scope;
            this.action = action;
            this.remaining = remaining;
        }
    }
}
