package io.github.camellark.lark.event.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkConfiguration;
import io.github.camellark.lark.event.EventAck;
import io.github.camellark.lark.event.EventEnvelope;
import io.github.camellark.lark.event.EventPipeline;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Lark's HTTP pushes on whatever HTTP consumer Camel provides (platform-http, netty-http, ...): bounds and
 * verifies the request, hands the plaintext event to the pipeline, and writes Lark's answer: 200 with the challenge,
 * the card callback reply or {@code {"msg":"success"}}; 500 when the route failed and 503 when the consumer is full
 * (Lark redelivers both); 400/401/413 when a check failed (the request never reaches the route).
 * <p>
 * The HTTP exchange is answered on its own: events are routed on exchanges of the pipeline, because Lark may be
 * answered before the route finishes.
 */
public final class LarkWebhookHandler extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(LarkWebhookHandler.class);
    private static final String JSON = "application/json; charset=utf-8";

    private final EventPipeline pipeline;
    private final WebhookRequestVerifier verifier;
    private final ObjectMapper mapper;
    private final int maxBodySize;

    /**
     * @param pipeline where verified events go; started and stopped with this handler when it is a service
     */
    public LarkWebhookHandler(LarkConfiguration configuration, EventPipeline pipeline, ObjectMapper mapper, Clock clock) {
        this.pipeline = pipeline;
        this.mapper = mapper;
        this.verifier = new WebhookRequestVerifier(configuration, mapper, clock);
        this.maxBodySize = configuration.getMaxEventBodySize();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message in = exchange.getMessage();
        CompletableFuture<EventAck> ack;
        try {
            byte[] body = boundedBody(in);
            EventEnvelope envelope = verifier.verify(body, name -> in.getHeader(name, String.class));
            ack = pipeline.process(envelope);
        } catch (WebhookRejection rejection) {
            LOG.warn("Refused a Lark webhook request with HTTP {}: {}", rejection.status(), rejection.getMessage());
            respond(exchange, rejection.status(), message(rejection.getMessage()));
            callback.done(true);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not process a Lark webhook request; answered HTTP 500 so that Lark redelivers it", e);
            respond(exchange, EventAck.failed());
            callback.done(true);
            return true;
        }
        if (ack.isDone()) {
            respond(exchange, ack.join());
            callback.done(true);
            return true;
        }
        ack.whenComplete((answer, failure) -> {
            respond(exchange, failure == null ? answer : EventAck.failed());
            callback.done(false);
        });
        return false;
    }

    private byte[] boundedBody(Message in) {
        if (declaredLength(in) > maxBodySize) {
            throw tooLarge();
        }
        Object body = in.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof InputStream) {
            return readBounded((InputStream) body);
        }
        byte[] bytes = in.getBody(byte[].class);
        if (bytes == null) {
            throw WebhookRejection.badRequest("the body cannot be read as bytes");
        }
        if (bytes.length > maxBodySize) {
            throw tooLarge();
        }
        return bytes;
    }

    /** Content-Length when the server kept it and it is a number, else 0 (the body itself is bounded below). */
    private static long declaredLength(Message in) {
        Object header = in.getHeader(Exchange.CONTENT_LENGTH);
        try {
            return header == null ? 0 : Long.parseLong(header.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private byte[] readBounded(InputStream stream) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (stream) {
            int read;
            while ((read = stream.read(buffer)) != -1) {
                if (out.size() + read > maxBodySize) {
                    throw tooLarge();
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw WebhookRejection.badRequest("the body could not be read");
        }
        return out.toByteArray();
    }

    private WebhookRejection tooLarge() {
        return WebhookRejection.tooLarge("the body is larger than maxEventBodySize (" + maxBodySize + " bytes)");
    }

    private void respond(Exchange exchange, EventAck ack) {
        if (ack.busy()) {
            respond(exchange, 503, message("the consumer is full; Lark will redeliver the event"));
        } else if (!ack.success()) {
            respond(exchange, 500, message("the route failed; Lark will redeliver the event"));
        } else {
            respond(exchange, 200, ack.callbackBody() != null ? ack.callbackBody() : message("success"));
        }
    }

    private static void respond(Exchange exchange, int status, byte[] body) {
        Message out = exchange.getMessage();
        // request headers (signature, nonce ...) must not be echoed back as response headers
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, JSON);
        // a String: Camel's Vert.x HTTP platform writes it directly, while a byte[] goes through its stream fallback
        // (measured in the benchmarks: 95 KB allocated per event instead of 36 KB)
        out.setBody(new String(body, StandardCharsets.UTF_8));
    }

    private byte[] message(String text) {
        try {
            return mapper.writeValueAsBytes(Map.of("msg", text));
        } catch (IOException e) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(pipeline);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(pipeline);
    }
}
