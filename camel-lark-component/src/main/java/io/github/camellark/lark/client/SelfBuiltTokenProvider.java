package io.github.camellark.lark.client;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Tenant tokens of an enterprise self-built app: one token per app, from {@code tenant_access_token/internal}. */
public final class SelfBuiltTokenProvider implements TokenProvider {

    static final String TENANT_TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";

    private final TokenApi auth;
    private final String appId;
    private final String appSecret;
    private final CachedToken cache;

    public SelfBuiltTokenProvider(TokenApi auth, String appId, String appSecret) {
        this.auth = auth;
        this.appId = appId;
        this.appSecret = appSecret;
        this.cache = new CachedToken(auth.clock());
    }

    @Override
    public CompletableFuture<String> tenantToken(String tenantKey) {
        return cache.get(() -> auth.token(TENANT_TOKEN_PATH, Map.of("app_id", appId, "app_secret", appSecret),
                "tenant_access_token"));
    }

    @Override
    public void evict(String token) {
        cache.evict(token);
    }
}
