package io.github.camellark.lark.event.ws;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.event.EventAck;
import io.github.camellark.lark.event.EventPipeline;

/**
 * A stand-in for the events pipeline, so the transport is tested alone: records every envelope it is handed, answers
 * with a configurable ack, and (like the real pipeline) routes an event id once, forgetting it when routing failed.
 */
final class RecordingPipeline implements EventPipeline {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Map<?, ?>> received = new CopyOnWriteArrayList<>();
    private final List<String> routedIds = new CopyOnWriteArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private volatile Function<Map<?, ?>, CompletableFuture<EventAck>> route =
            envelope -> CompletableFuture.completedFuture(EventAck.delivered());

    /** What the "route" does with an envelope. */
    RecordingPipeline routing(Function<Map<?, ?>, CompletableFuture<EventAck>> route) {
        this.route = route;
        return this;
    }

    @Override
    public CompletableFuture<EventAck> process(byte[] envelope) {
        Map<?, ?> parsed;
        try {
            parsed = JSON.readValue(new String(envelope, StandardCharsets.UTF_8), Map.class);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        received.add(parsed);
        String id = eventId(parsed);
        if (!seen.add(id)) {
            return CompletableFuture.completedFuture(EventAck.delivered());
        }
        routedIds.add(id);
        return route.apply(parsed).whenComplete((ack, error) -> {
            if (error != null || !ack.success()) {
                seen.remove(id);
            }
        });
    }

    static String eventId(Map<?, ?> envelope) {
        return String.valueOf(((Map<?, ?>) envelope.get("header")).get("event_id"));
    }

    /** Every envelope handed over, duplicates included. */
    List<Map<?, ?>> received() {
        return List.copyOf(received);
    }

    /** The ids that were routed (not dropped as duplicates), in order. */
    List<String> routedIds() {
        return List.copyOf(routedIds);
    }
}
