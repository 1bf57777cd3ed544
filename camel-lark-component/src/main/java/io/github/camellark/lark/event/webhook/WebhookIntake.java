package io.github.camellark.lark.event.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkConfiguration;
import io.github.camellark.lark.event.EventAck;
import io.github.camellark.lark.event.EventEnvelope;
import io.github.camellark.lark.event.EventPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-neutral half of the webhook: checks one request, hands its event to the pipeline and says what to answer:
 * 200 with the challenge, the card callback reply or {@code {"msg":"success"}}; 500 when the route failed and 503 when
 * the consumer is full (Lark redelivers both); 400/401/413 when a check failed (the request never reaches the route).
 * <p>
 * Never blocks: it may run on an event loop. Every server (Camel's HTTP platform through {@link LarkWebhookHandler}, or
 * Vert.x directly through {@link VertxWebhookRoute}) answers exactly what this says.
 */
final class WebhookIntake {

    /** Where the answer goes, exactly once. */
    interface Responder {
        /** @param synchronously whether this is called from within {@link #accept} (before it returns true) */
        void respond(int status, byte[] jsonBody, boolean synchronously);
    }

    private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);

    private final EventPipeline pipeline;
    private final WebhookRequestVerifier verifier;
    private final ObjectMapper mapper;
    private final int maxBodySize;
    // the same few answers for every event: written once
    private final byte[] success;
    private final byte[] routeFailed;
    private final byte[] busy;
    private final byte[] tooLarge;

    WebhookIntake(LarkConfiguration configuration, EventPipeline pipeline, ObjectMapper mapper, Clock clock) {
        this.pipeline = pipeline;
        this.mapper = mapper;
        this.verifier = new WebhookRequestVerifier(configuration, mapper, clock);
        this.maxBodySize = configuration.getMaxEventBodySize();
        this.success = message("success");
        this.routeFailed = message("the route failed; Lark will redeliver the event");
        this.busy = message("the consumer is full; Lark will redeliver the event");
        this.tooLarge = message(WebhookBodyLimits.tooLargeReason(maxBodySize));
    }

    EventPipeline pipeline() {
        return pipeline;
    }

    int maxBodySize() {
        return maxBodySize;
    }

    /** @param how what showed the body too large, for the log ("Content-Length 9437184") */
    WebhookRejection tooLarge(String how) {
        return WebhookRejection.tooLarge(WebhookBodyLimits.tooLargeReason(maxBodySize) + ": " + how);
    }

    /** A request's Content-Length when it is a number, else -1 (none, or unreadable: the body is bounded as read). */
    static long declaredLength(Object header) {
        try {
            return header == null ? -1 : Long.parseLong(header.toString().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Checks the request and routes its event.
     *
     * @return true when {@code responder} was called before returning
     */
    boolean accept(byte[] body, WebhookRequestVerifier.Headers headers, Responder responder) {
        CompletableFuture<EventAck> ack;
        try {
            EventEnvelope envelope = verifier.verify(body, headers);
            ack = pipeline.process(envelope);
        } catch (WebhookRejection rejection) {
            reject(rejection, responder);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not process a Lark webhook request; answered HTTP 500 so that Lark redelivers it", e);
            answer(EventAck.failed(), responder, true);
            return true;
        }
        if (ack.isDone()) {
            answer(ack.join(), responder, true);
            return true;
        }
        ack.whenComplete((answer, failure) -> answer(failure == null ? answer : EventAck.failed(), responder, false));
        return false;
    }

    /** Answers a request that failed a check, at once; a body too large gets the same answer however it showed. */
    void reject(WebhookRejection rejection, Responder responder) {
        LOG.warn("Refused a Lark webhook request with HTTP {}: {}", rejection.status(), rejection.getMessage());
        responder.respond(rejection.status(), rejection.status() == 413 ? tooLarge : message(rejection.getMessage()), true);
    }

    private void answer(EventAck ack, Responder responder, boolean synchronously) {
        if (ack.busy()) {
            responder.respond(503, busy, synchronously);
        } else if (!ack.success()) {
            responder.respond(500, routeFailed, synchronously);
        } else {
            responder.respond(200, ack.callbackBody() != null ? ack.callbackBody() : success, synchronously);
        }
    }

    private byte[] message(String text) {
        try {
            return mapper.writeValueAsBytes(Map.of("msg", text));
        } catch (IOException e) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
    }
}
