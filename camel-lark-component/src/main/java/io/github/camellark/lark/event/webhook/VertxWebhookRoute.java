package io.github.camellark.lark.event.webhook;

import java.util.List;
import java.util.Set;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * On Camel's Vert.x HTTP platform (camel-platform-http-main), serves the webhook path right on the platform's router,
 * without a Camel HTTP consumer: the request is bounded, checked and queued for its chat on the event loop, and
 * answered from the routing thread when the route is done. That is one hand-off per event, where the platform's
 * consumer holds a Vert.x worker thread per request until the route has answered and then hands the event to a
 * routing thread again.
 * <p>
 * A body larger than {@code maxEventBodySize} is refused before it is read: at once from its {@code Content-Length},
 * and for a chunked body as soon as the bytes read pass the bound. The platform alone would read a whole body into
 * memory first, up to its {@code camel.server.max-body-size}, unbounded by default.
 * <p>
 * Only loaded when Vert.x Web is on the class path, so the component needs no Vert.x Web at run time otherwise.
 */
final class VertxWebhookRoute {

    private static final String JSON = "application/json; charset=utf-8";

    private final WebhookIntake intake;

    private VertxWebhookRoute(WebhookIntake intake) {
        this.intake = intake;
    }

    /**
     * Serves {@code path} on the platform's router.
     *
     * @return what removes the routes, or null when the platform's router cannot be found
     */
    static Runnable install(CamelContext context, String path, WebhookIntake intake) {
        Set<VertxPlatformHttpRouter> routers = context.getRegistry().findByType(VertxPlatformHttpRouter.class);
        List<VertxPlatformHttpRouter> main = routers.stream().filter(router -> !router.isManagementServer()).toList();
        if (main.size() != 1) {
            return null;
        }
        VertxWebhookRoute webhook = new VertxWebhookRoute(intake);
        Route served = main.get(0).route(HttpMethod.POST, path).handler(webhook::serve);
        return served::remove;
    }

    /** Reads the body up to maxEventBodySize, refusing a larger one as soon as that shows, then hands it to the intake. */
    private void serve(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        WebhookIntake.Responder responder = (status, reply, synchronously) -> respond(routing, status, reply);
        long declared = WebhookIntake.declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        int max = intake.maxBodySize();
        if (declared > max) {
            // the rest of the body is read and dropped by Vert.x, never kept
            intake.reject(intake.tooLarge("Content-Length " + declared + ", before reading it"), responder);
            return;
        }
        BoundedBody body = new BoundedBody(declared > 0 ? (int) declared : 1024);
        request.handler(chunk -> {
            if (body.refused) {
                return;
            }
            if (body.bytes.length() + chunk.length() > max) {
                body.refused = true;
                intake.reject(intake.tooLarge("a body passing it while being read"), responder);
                return;
            }
            body.bytes.appendBuffer(chunk);
        });
        request.endHandler(ended -> {
            if (!body.refused) {
                // answered here, or later on a routing thread or at the deadline: Vert.x writes on the connection's event loop
                intake.accept(body.bytes.getBytes(), request::getHeader, responder);
            }
        });
        request.resume();
    }

    /** The body read so far, and whether it was refused. Used on the connection's event loop only. */
    private static final class BoundedBody {
        final Buffer bytes;
        boolean refused;

        BoundedBody(int expected) {
            bytes = Buffer.buffer(expected);
        }
    }

    private static void respond(RoutingContext routing, int status, byte[] json) {
        routing.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(Buffer.buffer(json));
    }
}
