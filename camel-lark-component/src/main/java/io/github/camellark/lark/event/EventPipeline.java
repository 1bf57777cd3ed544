package io.github.camellark.lark.event;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * What both transports hand every received event to: parse the envelope, classify it, filter and dedupe it, route it,
 * and decide how Lark is answered. Transports only move bytes; they never look inside events.
 */
public interface EventPipeline {

    /**
     * Processes one plaintext event envelope (already decrypted and authenticated by the transport).
     *
     * @return completes when Lark must be answered: when the route finished, or when the deadline is reached first
     */
    CompletableFuture<EventAck> process(byte[] envelope);

    /** Processes an envelope the transport already parsed (the webhook parses to authenticate); by default from its JSON. */
    default CompletableFuture<EventAck> process(EventEnvelope envelope) {
        return process(envelope.raw().getBytes(StandardCharsets.UTF_8));
    }
}
