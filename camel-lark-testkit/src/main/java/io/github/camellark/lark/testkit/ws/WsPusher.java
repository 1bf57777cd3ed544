package io.github.camellark.lark.testkit.ws;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.camellark.lark.testkit.events.Ids;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.events.RetrySchedule;

/**
 * Pushes events over the long connection as Lark does: to one random open connection, as pbbp2 data frames (optionally
 * fragmented), then waits for the ack and redelivers per the retry schedule. Owns the {@code testkit-ws-timer} thread.
 * Part of {@link LongConnectionServer}.
 */
final class WsPusher {

    /** A pushed attempt waiting for its ack. */
    private record Pending(WsDelivery delivery, String connectionId, int number) {
    }

    private final Supplier<List<WsConnection>> openConnections;
    private final Random random = new Random();
    private final AtomicLong frameSequence = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final List<WsDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "testkit-ws-timer");
        thread.setDaemon(true);
        return thread;
    });

    volatile boolean blankTokenOnPush = true;
    volatile Duration ackTimeout = Duration.ofSeconds(3);
    volatile RetrySchedule retrySchedule = RetrySchedule.lark();
    volatile boolean redeliverUnacked = true;
    volatile boolean redeliverFailed = true;
    private volatile boolean closed;

    WsPusher(Supplier<List<WsConnection>> openConnections) {
        this.openConnections = openConnections;
    }

    WsDelivery push(LarkEvent event, WsPush how) {
        WsDelivery delivery = new WsDelivery(event, how);
        deliveries.add(delivery);
        attempt(delivery, 1);
        return delivery;
    }

    List<WsDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    void forgetDeliveries() {
        deliveries.clear();
    }

    /** Stops the timer; pending deliveries end as GAVE_UP. */
    void close() {
        closed = true;
        timer.shutdownNow();
        deliveries.forEach(d -> d.finish(WsDelivery.State.GAVE_UP));
    }

    /** An ack arrived: it ends its attempt, or is recorded on the delivery it comes too late for. */
    void acked(WsAck ack) {
        String messageId = ack.messageId();
        Pending attempt = pending.get(messageId);
        if (attempt != null) {
            attempt.delivery().addAck(ack);
        } else {
            deliveries.stream().filter(d -> d.attempts().stream().anyMatch(a -> messageId.equals(a.messageId())))
                    .findFirst().ifPresent(d -> d.addAck(ack)); // a late ack
        }
        ended(messageId, ack.ok() ? WsAttempt.Outcome.ACKED : WsAttempt.Outcome.FAILED, ack);
    }

    /** A connection closed: its attempts still waiting for an ack are lost. */
    void connectionLost(String connectionId) {
        pending.entrySet().stream().filter(e -> e.getValue().connectionId().equals(connectionId)).map(Map.Entry::getKey)
                .toList().forEach(messageId -> ended(messageId, WsAttempt.Outcome.CONNECTION_LOST, null));
    }

    static void send(WsConnection connection, Pbbp2Frame frame) {
        if (connection.isSilent()) {
            return; // half-open: the frame is lost on the way
        }
        try {
            connection.socket().send(Pbbp2Codec.encode(frame));
        } catch (RuntimeException closedMeanwhile) {
            // the connection is going away; its pending attempts end through connectionLost()
        }
    }

    private void attempt(WsDelivery delivery, int number) {
        if (closed) {
            delivery.finish(WsDelivery.State.GAVE_UP);
            return;
        }
        Optional<WsConnection> target = pickConnection();
        if (target.isEmpty()) {
            delivery.addAttempt(new WsAttempt(number, null, null, Instant.now(), WsAttempt.Outcome.OFFLINE, null));
            afterFailure(delivery, number, redeliverUnacked);
            return;
        }
        WsConnection connection = target.get();
        String messageId = Ids.hex(32);
        pending.put(messageId, new Pending(delivery, connection.id(), number));
        delivery.addAttempt(new WsAttempt(number, connection.id(), messageId, Instant.now(), WsAttempt.Outcome.PENDING, null));
        for (Pbbp2Frame frame : frames(delivery, connection, messageId)) {
            send(connection, frame);
        }
        schedule(() -> ended(messageId, WsAttempt.Outcome.NO_ACK, null), ackTimeout);
    }

    private List<Pbbp2Frame> frames(WsDelivery delivery, WsConnection connection, String messageId) {
        LarkEvent event = blankTokenOnPush ? delivery.event().withToken("") : delivery.event();
        byte[] payload = event.toBytes();
        WsPush how = delivery.push();
        int sum = Math.min(how.fragments(), Math.max(1, payload.length));
        int chunk = (payload.length + sum - 1) / sum;
        String traceId = Ids.hex(32);
        List<Pbbp2Frame> frames = new ArrayList<>();
        for (int seq = 0; seq < sum; seq++) {
            if (how.omittedFragments().contains(seq)) {
                continue;
            }
            byte[] part = Arrays.copyOfRange(payload, Math.min(payload.length, seq * chunk),
                    Math.min(payload.length, (seq + 1) * chunk));
            List<Pbbp2Frame.Header> headers = List.of(
                    new Pbbp2Frame.Header("type", how.frameType()),
                    new Pbbp2Frame.Header("message_id", messageId),
                    new Pbbp2Frame.Header("sum", Integer.toString(sum)),
                    new Pbbp2Frame.Header("seq", Integer.toString(seq)),
                    new Pbbp2Frame.Header("trace_id", traceId));
            frames.add(new Pbbp2Frame(frameSequence.incrementAndGet(), Math.floorMod(random.nextLong(), Long.MAX_VALUE),
                    connection.serviceId(), Pbbp2Frame.DATA, headers, null, null, part, null));
        }
        return frames;
    }

    private Optional<WsConnection> pickConnection() {
        List<WsConnection> open = openConnections.get();
        return open.isEmpty() ? Optional.empty() : Optional.of(open.get(random.nextInt(open.size())));
    }

    /** Ends a pending attempt (ack, timeout or lost connection) exactly once, then redelivers or finishes. */
    private void ended(String messageId, WsAttempt.Outcome outcome, WsAck ack) {
        Pending attempt = pending.remove(messageId);
        if (attempt == null) {
            return; // already ended
        }
        attempt.delivery().endAttempt(messageId, outcome, ack);
        switch (outcome) {
            case ACKED -> attempt.delivery().finish(WsDelivery.State.DELIVERED);
            case FAILED -> afterFailure(attempt.delivery(), attempt.number(), redeliverFailed);
            default -> afterFailure(attempt.delivery(), attempt.number(), redeliverUnacked);
        }
    }

    private void afterFailure(WsDelivery delivery, int number, boolean redeliver) {
        Optional<Duration> delay = redeliver && !delivery.event().isCallback() ? retrySchedule.delayBefore(number) : Optional.empty();
        if (delay.isEmpty() || closed) {
            delivery.finish(WsDelivery.State.GAVE_UP);
            return;
        }
        if (!schedule(() -> attempt(delivery, number + 1), delay.get())) {
            delivery.finish(WsDelivery.State.GAVE_UP);
        }
    }

    private boolean schedule(Runnable task, Duration delay) {
        try {
            timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException closedMeanwhile) {
            return false;
        }
    }
}
