package io.github.camellark.lark.client;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Lark's {@code auth/v3} token calls, made through a {@link LarkClient} without credentials. Unlike business APIs they
 * answer with top-level fields (no {@code data}); a non-zero code becomes a {@link LarkApiException} as anywhere else.
 * See <a href="https://open.feishu.cn/document/server-docs/authentication-management/access-token/tenant_access_token_internal">tenant_access_token_internal</a>.
 */
public final class TokenApi {

    private final LarkClient client;
    private final Clock clock;

    /** @param client a client with {@link TokenProvider#NONE}: token calls carry the app credentials in their body */
    public TokenApi(LarkClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** Timers, for token providers that wait for a pushed app_ticket. */
    public io.github.camellark.lark.client.http.HttpTransport transport() {
        return client.transport();
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

    /**
     * Posts a JSON body (it holds the app secret: requests are described by their path only, never by their body) and
     * returns the whole reply when its code is 0. Fetching a token twice does no harm, so network errors are retried.
     */
    public CompletableFuture<Map<String, Object>> post(String path, Map<String, ?> body) {
        return client.callOnIoThread(LarkRequest.post(path).noAuth().json(body).idempotent(true).build())
                .thenApply(LarkReply::envelope);
    }
}
