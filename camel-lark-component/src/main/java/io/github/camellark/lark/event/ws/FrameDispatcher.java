package io.github.camellark.lark.event.ws;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.event.EventAck;
import io.github.camellark.lark.event.EventPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frames of a long connection: decodes them, hands control frames (pongs carrying a client config) to the
 * supervisor, joins fragmented payloads, hands each event to the {@link EventPipeline} in frame order (the pipeline only
 * parses and queues on this I/O thread and owns the one hand-off to a routing thread), stops reading while the
 * pipeline is full, and sends one ack per data frame: the same frame back with {@code biz_rt} and {@code {"code":200|500,"data":base64(reply)}}.
 * See <a href="https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case">Lark's event subscription guide</a>.
 */
final class FrameDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(FrameDispatcher.class);
    private static final byte[] ACK_DELIVERED = "{\"code\":200}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] ACK_FAILED = "{\"code\":500}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final EventPipeline pipeline;
    private final ObjectMapper mapper;
    private final FragmentAssembler fragments;
    private final Consumer<Map<?, ?>> onClientConfig;
    /** Events handed to the pipeline and not yet acknowledged; stop() waits on {@code drained} for it to reach 0. */
    private final AtomicInteger inflight = new AtomicInteger();
    private final Object drained = new Object();

    /** @param onClientConfig receives the client config Lark pushes in a pong */
    FrameDispatcher(EventPipeline pipeline, ObjectMapper mapper, FragmentAssembler fragments, Consumer<Map<?, ?>> onClientConfig) {
        this.pipeline = pipeline;
        this.mapper = mapper;
        this.fragments = fragments;
        this.onClientConfig = onClientConfig;
    }

    int inflight() {
        return inflight.get();
    }

    int pendingFragmentedMessages() {
        return fragments.pending();
    }

    /** Drops fragments that waited too long; called with every ping, so it also runs when no fragment arrives. */
    void expireFragments() {
        fragments.expire();
    }

    void onMessage(LongConnection connection, byte[] message) {
        Frame frame;
        try {
            frame = FrameCodec.decode(message);
        } catch (IllegalArgumentException e) {
            LOG.warn("Dropped a frame from Lark: {}", e.getMessage());
            return;
        }
        if (frame.isControl()) {
            onControl(frame);
            return;
        }
        String type = frame.type();
        if (!"event".equals(type) && !"card".equals(type)) {
            // the SDKs answer nothing and Lark re-pushes forever; a frame we cannot use is better acknowledged
            LOG.debug("Acknowledged a data frame of unknown type {} without processing it", type);
            acknowledge(connection, frame, EventAck.delivered(), null, System.nanoTime());
            return;
        }
        byte[] payload;
        try {
            int sum = intHeader(frame, Frame.SUM, 1);
            int seq = intHeader(frame, Frame.SEQ, 0);
            String messageId = frame.header(Frame.MESSAGE_ID);
            if (messageId == null && sum > 1) {
                throw new IllegalArgumentException("a fragment without message_id");
            }
            payload = fragments.add(messageId, sum, seq, frame.payload() == null ? new byte[0] : frame.payload());
        } catch (IllegalArgumentException e) {
            LOG.warn("Dropped data frame {}: {}", frame.header(Frame.MESSAGE_ID), e.getMessage());
            return;
        }
        if (payload != null) {
            dispatch(connection, frame, payload);
        }
    }

    private void onControl(Frame frame) {
        if ("pong".equals(frame.type()) && frame.payload() != null && frame.payload().length > 0) {
            try {
                onClientConfig.accept(mapper.readValue(frame.payload(), Map.class));
            } catch (Exception e) {
                LOG.debug("Ignored a pong whose payload is not a client config: {}", e.getMessage());
            }
        }
        // server pings and other control frames need no answer
    }

    private static int intHeader(Frame frame, String key, int absent) {
        String value = frame.header(key);
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("header " + key + " is not a number: " + value);
        }
    }

    private void dispatch(LongConnection connection, Frame frame, byte[] payload) {
        long receivedAt = System.nanoTime();
        inflight.incrementAndGet();
        CompletableFuture<EventAck> result;
        try {
            result = pipeline.process(payload);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((ack, error) -> {
            try {
                acknowledge(connection, frame, ack, error, receivedAt);
            } finally {
                if (inflight.decrementAndGet() == 0) {
                    synchronized (drained) {
                        drained.notifyAll();
                    }
                }
            }
        });
        if (!pipeline.accepting()) {
            // back-pressure: Lark keeps the next frames until the routes have caught up, instead of a 500 per frame
            connection.pause();
            pipeline.onceAccepting(connection::resume);
        }
    }

    private void acknowledge(LongConnection connection, Frame frame, EventAck ack, Throwable error, long receivedAt) {
        if (error != null) {
            LOG.warn("Processing event {} failed; acknowledging with code 500 so Lark redelivers it",
                    frame.header(Frame.MESSAGE_ID), error);
        }
        boolean success = error == null && ack != null && ack.success();
        byte[] payload;
        if (error == null && ack != null && ack.callbackBody() != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", success ? 200 : 500);
            body.put("data", Base64.getEncoder().encodeToString(ack.callbackBody()));
            try {
                payload = mapper.writeValueAsBytes(body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        } else {
            // the common case, one per event: the same bytes every time (the codec only reads them)
            payload = success ? ACK_DELIVERED : ACK_FAILED;
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - receivedAt);
        connection.send(FrameCodec.encode(frame.answered(Frame.BIZ_RT, Long.toString(elapsedMillis), payload)))
                .whenComplete((ignored, sendError) -> {
                    if (sendError != null) {
                        LOG.debug("The ack of event {} was not sent ({}); Lark will redeliver it",
                                frame.header(Frame.MESSAGE_ID), sendError.toString());
                    }
                });
    }

    /** Waits, bounded, for the events in flight to be routed and acked. Blocks: only from stop(). */
    void awaitInflight(long maxWaitMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        synchronized (drained) {
            long left;
            while (inflight.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(drained, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (inflight.get() > 0) {
            LOG.debug("Stopping with {} events still in flight", inflight.get());
        }
    }

    /** Forgets partial fragmented messages; events in flight still count until their ack is sent or fails. */
    void clear() {
        fragments.clear();
    }
}
