package io.github.camellark.lark.event.webhook;

import java.util.List;
import java.util.Set;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On Camel's Vert.x HTTP platform (camel-platform-http-main), the platform reads a whole request body into memory before
 * the route sees it, up to its own {@code camel.server.max-body-size}, unbounded by default. This puts a route in front
 * of the webhook path that refuses a larger body before reading it: at once from its {@code Content-Length}, and for a
 * chunked body as soon as the bytes read pass the bound (Vert.x's body handler with a limit). The platform's own body
 * handler then sees the body already read and leaves it alone.
 * <p>
 * Only loaded when the HTTP consumer is Vert.x's, so the component needs no Vert.x Web at run time otherwise.
 */
final class VertxBodyLimit {

    private static final Logger LOG = LoggerFactory.getLogger(VertxBodyLimit.class);

    private VertxBodyLimit() {
    }

    /**
     * Adds the guard in front of the routes of {@code path}; call before the HTTP consumer adds its own route.
     *
     * @return what removes the guard, or null when the platform's router cannot be found
     */
    static Runnable install(CamelContext context, String path, int maxBytes, byte[] refusal) {
        Set<VertxPlatformHttpRouter> routers = context.getRegistry().findByType(VertxPlatformHttpRouter.class);
        List<VertxPlatformHttpRouter> main = routers.stream().filter(router -> !router.isManagementServer()).toList();
        if (main.size() != 1) {
            return null;
        }
        // two routes: Vert.x wants a body handler before any other handler of its route
        VertxPlatformHttpRouter router = main.get(0);
        Route declared = router.route(HttpMethod.POST, path).handler(routing -> refuseDeclaredTooLarge(routing, maxBytes, refusal));
        Route bounded = router.route(HttpMethod.POST, path).handler(BodyHandler.create(false).setBodyLimit(maxBytes));
        return () -> {
            declared.remove();
            bounded.remove();
        };
    }

    private static void refuseDeclaredTooLarge(RoutingContext routing, int maxBytes, byte[] refusal) {
        String declared = routing.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length > maxBytes) {
            LOG.warn("Refused a Lark webhook request with HTTP 413 before reading it: Content-Length {} is larger than"
                     + " maxEventBodySize ({} bytes)", length, maxBytes);
            // the rest of the body is read and dropped by Vert.x, never kept
            routing.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                    .end(Buffer.buffer(refusal));
            return;
        }
        routing.next();
    }
}
