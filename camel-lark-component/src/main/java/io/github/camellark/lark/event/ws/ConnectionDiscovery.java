package io.github.camellark.lark.event.ws;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.client.LarkApiException;
import io.github.camellark.lark.client.LarkClient;
import io.github.camellark.lark.client.LarkReply;
import io.github.camellark.lark.client.LarkRequest;

/**
 * Step 1 of the long connection: {@code POST /callback/ws/endpoint} with the app credentials returns a one-time WebSocket
 * URL and the client config. Run again before every (re)connect, since the URL carries a ticket. Goes through the same
 * {@link LarkClient} (envelope reader, retries) as every other call. The official SDKs treat code 1 (system busy) and
 * 1000040343 (internal error) as worth retrying and any other non-zero code as final.
 */
final class ConnectionDiscovery {

    static final String PATH = "/callback/ws/endpoint";
    private static final long SYSTEM_BUSY = 1;
    private static final long INTERNAL_ERROR = 1000040343L;

    private final LarkClient client;
    private final String appId;
    private final String appSecret;

    ConnectionDiscovery(LarkClient client, String appId, String appSecret) {
        this.client = client;
        this.appId = appId;
        this.appSecret = appSecret;
    }

    /** Completes with where to dial, or fails with a {@link LongConnectionException} saying whether to retry. */
    CompletableFuture<DiscoveredConnection> discover() {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("AppID", appId);
        credentials.put("AppSecret", appSecret);
        LarkRequest request = LarkRequest.post(PATH).noAuth().header("locale", "zh").json(credentials).idempotent(true).build();
        return client.callOnIoThread(request).handle((reply, error) -> {
            if (error != null) {
                throw refused(LarkClient.unwrap(error));
            }
            return connection(reply);
        });
    }

    private LongConnectionException refused(Throwable error) {
        if (error instanceof LarkApiException lark && lark.getHttpStatus() != 200) {
            return LongConnectionException.retryable("Endpoint discovery " + PATH + " answered HTTP " + lark.getHttpStatus()
                                                     + ": " + lark.getMessage(), null);
        }
        if (error instanceof LarkApiException lark && lark.getCode() > 0) {
            String message = "Lark refused the long connection of app " + appId + ": code " + lark.getCode() + " "
                             + lark.getMsg();
            if (lark.getCode() == SYSTEM_BUSY || lark.getCode() == INTERNAL_ERROR) {
                return new LongConnectionException(message, true, lark.getCode(), null);
            }
            return new LongConnectionException(message + " (check appId/appSecret; long connections are for self-built apps)",
                    false, lark.getCode(), null);
        }
        return LongConnectionException.retryable("Endpoint discovery " + PATH + " failed: " + error.getMessage(), error);
    }

    private DiscoveredConnection connection(LarkReply reply) {
        Map<String, Object> data = reply.data();
        if (!(data.get("URL") instanceof String url) || url.isEmpty()) {
            throw LongConnectionException.retryable("Endpoint discovery " + PATH + " answered without a URL", null);
        }
        try {
            return DiscoveredConnection.of(URI.create(url), data.get("ClientConfig") instanceof Map<?, ?> c ? c : null);
        } catch (IllegalArgumentException e) {
            // the URL carries Lark's access key and ticket: neither it nor the parser's message (which quotes it) is kept
            throw LongConnectionException.retryable("Endpoint discovery answered a URL that is not valid", null);
        }
    }
}
