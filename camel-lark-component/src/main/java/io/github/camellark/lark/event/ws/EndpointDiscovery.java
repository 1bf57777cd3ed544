package io.github.camellark.lark.event.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Step 1 of the long connection (lark-events.md §3.2): {@code POST /callback/ws/endpoint} with the app credentials returns
 * a one-time WebSocket URL and the client config. Run again before every (re)connect, since the URL carries a ticket.
 */
final class EndpointDiscovery {

    static final String PATH = "/callback/ws/endpoint";
    /** {@code 1} system busy and {@code 1000040343} internal error are worth retrying; any other non-zero code is not. */
    private static final long SYSTEM_BUSY = 1;
    private static final long INTERNAL_ERROR = 1000040343L;

    private final HttpClient http;
    private final URI uri;
    private final String appId;
    private final String appSecret;
    private final Duration timeout;
    private final ObjectMapper mapper;

    EndpointDiscovery(HttpClient http, URI baseUri, String appId, String appSecret, Duration timeout, ObjectMapper mapper) {
        this.http = http;
        this.uri = URI.create(baseUri + PATH);
        this.appId = appId;
        this.appSecret = appSecret;
        this.timeout = timeout;
        this.mapper = mapper;
    }

    /** Completes with the endpoint, or fails with a {@link LongConnectionException} saying whether to retry. */
    CompletableFuture<LongConnectionEndpoint> discover() {
        HttpRequest request;
        try {
            Map<String, String> credentials = new LinkedHashMap<>();
            credentials.put("AppID", appId);
            credentials.put("AppSecret", appSecret);
            request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("locale", "zh")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(credentials)))
                    .build();
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> {
                    if (error != null) {
                        throw LongConnectionException.retryable("Endpoint discovery " + PATH + " failed: " + describe(error),
                                error);
                    }
                    return parse(response.statusCode(), response.body());
                });
    }

    private LongConnectionEndpoint parse(int status, byte[] body) {
        if (status != 200) {
            throw LongConnectionException.retryable("Endpoint discovery " + PATH + " answered HTTP " + status, null);
        }
        Map<?, ?> reply;
        try {
            reply = mapper.readValue(body, Map.class);
        } catch (Exception e) {
            throw LongConnectionException.retryable("Endpoint discovery " + PATH + " answered a body that is not JSON", null);
        }
        long code = reply.get("code") instanceof Number n ? n.longValue() : -1;
        if (code != 0) {
            String message = "Lark refused the long connection of app " + appId + ": code " + code + " "
                             + String.valueOf(reply.get("msg"));
            if (code == SYSTEM_BUSY || code == INTERNAL_ERROR) {
                throw new LongConnectionException(message, true, code, null);
            }
            throw new LongConnectionException(message + " (check appId/appSecret; long connections are for self-built apps)",
                    false, code, null);
        }
        Map<?, ?> data = reply.get("data") instanceof Map<?, ?> m ? m : Map.of();
        if (!(data.get("URL") instanceof String url) || url.isEmpty()) {
            throw LongConnectionException.retryable("Endpoint discovery " + PATH + " answered without a URL", null);
        }
        try {
            return LongConnectionEndpoint.of(URI.create(url), data.get("ClientConfig") instanceof Map<?, ?> c ? c : null);
        } catch (IllegalArgumentException e) {
            // the URL carries Lark's access key and ticket: neither it nor the parser's message (which quotes it) is kept
            throw LongConnectionException.retryable("Endpoint discovery answered a URL that is not valid", null);
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
