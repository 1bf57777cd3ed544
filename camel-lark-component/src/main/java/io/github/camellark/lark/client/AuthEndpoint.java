package io.github.camellark.lark.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code auth/v3} endpoints. Unlike business APIs they answer with top-level fields (no {@code data}) and report
 * failures as HTTP 200 with a non-zero code, which becomes a {@link LarkApiException}.
 */
public final class AuthEndpoint {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final HttpClient http;
    private final URI baseUri;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final Clock clock;

    public AuthEndpoint(HttpClient http, URI baseUri, Duration timeout, ObjectMapper mapper, Clock clock) {
        this.http = http;
        this.baseUri = baseUri;
        this.timeout = timeout;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** Posts to an auth path and returns the token in {@code tokenField}, valid for the reply's {@code expire} seconds. */
    public CompletableFuture<CachedToken.Token> token(String path, Map<String, ?> body, String tokenField) {
        return post(path, body).thenApply(reply -> {
            Object token = reply.get(tokenField);
            if (!(token instanceof String) || ((String) token).isEmpty()) {
                throw new LarkApiException("POST " + path, -1, "reply has no " + tokenField, 200, null, null);
            }
            if (!(reply.get("expire") instanceof Number)) {
                // without it every call would fetch a new token
                throw new LarkApiException("POST " + path, -1, "reply has no expire", 200, null, null);
            }
            long expire = ((Number) reply.get("expire")).longValue();
            return CachedToken.Token.expiringIn((String) token, expire, clock);
        });
    }

    /** Posts a JSON body (it may hold the app secret: it is never logged) and returns the reply when its code is 0. */
    public CompletableFuture<Map<String, Object>> post(String path, Map<String, ?> body) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(baseUri.resolve(path))
                    .timeout(timeout)
                    .header("Content-Type", LarkClient.JSON_CONTENT_TYPE)
                    .header("User-Agent", LarkClient.USER_AGENT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)))
                    .build();
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            String logId = LarkClient.logId(response.headers());
            Map<String, Object> reply;
            try {
                reply = mapper.readValue(response.body(), JSON_OBJECT);
            } catch (Exception e) {
                throw new LarkApiException("POST " + path, -1, "reply is not JSON", response.statusCode(), logId, null);
            }
            long code = reply.get("code") instanceof Number ? ((Number) reply.get("code")).longValue() : -1;
            if (code != 0) {
                throw new LarkApiException("POST " + path, code, String.valueOf(reply.get("msg")), response.statusCode(), logId,
                        LarkClient.errorObject(reply));
            }
            return reply;
        });
    }
}
