package io.github.camellark.lark.event.webhook;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;

/**
 * The webhook paths a Camel context serves through a Camel HTTP consumer, with the body bound of each: what a guard in
 * front of that server (the starter's servlet filter on Spring Boot) reads to refuse an oversized body before the
 * server reads it. One per Camel context, kept as a context plugin.
 */
public final class WebhookBodyLimits {

    private final Map<String, Integer> maxBodySizes = new ConcurrentHashMap<>();
    private volatile String guard;

    /** The limits of this context, created on first use. */
    public static WebhookBodyLimits of(CamelContext context) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        synchronized (extension) {
            WebhookBodyLimits limits = extension.getContextPlugin(WebhookBodyLimits.class);
            if (limits == null) {
                limits = new WebhookBodyLimits();
                extension.addContextPlugin(WebhookBodyLimits.class, limits);
            }
            return limits;
        }
    }

    /** Why a body over the bound is refused, as every server that serves the webhook says it (the 413 answer's msg). */
    public static String tooLargeReason(int maxBytes) {
        return "the body is larger than maxEventBodySize (" + maxBytes + " bytes)";
    }

    /** The maxEventBodySize of the webhook served at {@code path} (relative to the web application), if one is. */
    public OptionalInt maxBodySize(String path) {
        Integer max = maxBodySizes.get(path);
        return max == null ? OptionalInt.empty() : OptionalInt.of(max);
    }

    /** Tells the webhook transports that {@code guard} (named in logs) bounds request bodies before the server reads them. */
    public void guardedBy(String guard) {
        this.guard = guard;
    }

    /** What bounds bodies in front of the server, or null when nothing does. */
    String guard() {
        return guard;
    }

    void serve(String path, int maxBytes) {
        maxBodySizes.put(path, maxBytes);
    }

    void release(String path) {
        maxBodySizes.remove(path);
    }
}
