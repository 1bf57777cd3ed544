package io.github.camellark.lark.testkit;

import io.github.camellark.lark.testkit.http.FaultAction;
import io.github.camellark.lark.testkit.http.SimRequest;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimulatorState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lark's rate limits, enforced when asked ({@code sim.rateLimits().enforce()}); off by default, so that tests of other
 * behaviours may send as fast as they like. Like Lark:
 * <ul>
 * <li>past {@link #perReceiver(int) 5 sends or replies a second to one user or chat}, or 5 card updates (PATCH) a second
 * of one message: HTTP 400, code 230020;</li>
 * <li>past {@link #perApp(int, int) 50 calls a second or 1,000 a minute} of the app to the IM APIs
 * ({@code /open-apis/im/...}, where Lark documents these limits): HTTP 429, code 99991400, with
 * {@code x-ogw-ratelimit-limit} and {@code x-ogw-ratelimit-reset}.</li>
 * </ul>
 * Lark does not document the window it counts in; the simulator takes the strictest reading: never more than the limit
 * in any rolling window, counted at the time each request was received (the journal's {@link RecordedRequest#time()}).
 * A refused request does not count.
 */
public final class RateLimits {

    private static final long SECOND = 1_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private final SimulatorState state;
    private boolean enforced;
    private int appPerSecond = 50;
    private int appPerMinute = 1000;
    private int receiverPerSecond = 5;
    private final Map<String, Window> windows = new HashMap<>();

    RateLimits(SimulatorState state) {
        this.state = state;
    }

    /** Refuses requests past the limits from now on. */
    public synchronized RateLimits enforce() {
        enforced = true;
        return this;
    }

    /** Stops refusing, forgets the requests counted so far and goes back to Lark's limits. */
    public synchronized RateLimits off() {
        enforced = false;
        windows.clear();
        appPerSecond = 50;
        appPerMinute = 1000;
        receiverPerSecond = 5;
        return this;
    }

    /** The app's limits (Lark: 50 a second and 1,000 a minute for most IM APIs). */
    public synchronized RateLimits perApp(int perSecond, int perMinute) {
        this.appPerSecond = perSecond;
        this.appPerMinute = perMinute;
        windows.clear();
        return this;
    }

    /** Sends and replies a second to one user or chat, and updates a second of one card message (Lark: 5). */
    public synchronized RateLimits perReceiver(int perSecond) {
        this.receiverPerSecond = perSecond;
        windows.clear();
        return this;
    }

    /** The refusal for this request, or null when it is within the limits (it then counts). */
    synchronized FaultAction check(SimRequest request) {
        if (!enforced || !request.path().startsWith("/open-apis/im/")) {
            return null;
        }
        long micros = request.receivedAt().getEpochSecond() * SECOND + request.receivedAt().getNano() / 1000;
        String receiver = receiver(request);
        Window perReceiver = receiver == null ? null : windows.computeIfAbsent("receiver " + receiver, k -> new Window());
        Window app = windows.computeIfAbsent("app", k -> new Window());
        if (perReceiver != null && !perReceiver.admits(micros, receiverPerSecond, SECOND)) {
            return refusal(400, 230020, "The request you send to the same user or chat triggers the frequency limit", Map.of());
        }
        if (!app.admits(micros, appPerSecond, SECOND) || !app.admits(micros, appPerMinute, MINUTE)) {
            return refusal(429, 99991400, "request trigger frequency limit",
                    Map.of("x-ogw-ratelimit-limit", Integer.toString(appPerSecond), "x-ogw-ratelimit-reset", "1"));
        }
        if (perReceiver != null) {
            perReceiver.add(micros);
        }
        app.add(micros);
        return null;
    }

    /** Whose per-receiver limit the request counts against: the receiver of a send, the chat of a reply, a card's message. */
    private String receiver(SimRequest request) {
        String[] segments = request.path().split("/");
        // "", open-apis, im, v1, messages[, id[, reply]]
        if (segments.length < 5 || !"im".equals(segments[2]) || !"messages".equals(segments[4])) {
            return null;
        }
        if (segments.length == 5 && "POST".equals(request.method())) {
            return request.json() == null ? null : request.json().path("receive_id").asText(null);
        }
        if (segments.length == 7 && "reply".equals(segments[6]) && "POST".equals(request.method())) {
            Optional<SimMessage> parent = state.message(segments[5]);
            return parent.map(SimMessage::chatId).orElse(segments[5]);
        }
        if (segments.length == 6 && "PATCH".equals(request.method())) {
            return "card " + segments[5];
        }
        return null;
    }

    private static FaultAction refusal(int status, int code, String msg, Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("msg", msg);
        return FaultAction.reply(status, body, headers);
    }

    /** Accepted request times of one key, sorted (requests may be checked a little out of order). */
    private static final class Window {
        private final List<Long> times = new ArrayList<>();

        /** Whether one more request at {@code t} leaves at most {@code limit} in every window of {@code length}. */
        boolean admits(long t, int limit, long length) {
            int at = insertionPoint(t);
            List<Long> with = new ArrayList<>(times.subList(Math.max(0, at - limit), Math.min(times.size(), at + limit)));
            with.add(Math.min(at, limit), t);
            for (int i = 0; i + limit < with.size(); i++) {
                if (with.get(i + limit) - with.get(i) < length) {
                    return false;
                }
            }
            return true;
        }

        void add(long t) {
            times.add(insertionPoint(t), t);
            // keep two minutes: enough for the per-minute window and late arrivals
            while (!times.isEmpty() && times.get(0) < t - 2 * MINUTE) {
                times.remove(0);
            }
        }

        private int insertionPoint(long t) {
            int at = Collections.binarySearch(times, t);
            return at < 0 ? -at - 1 : at + 1;
        }
    }
}
