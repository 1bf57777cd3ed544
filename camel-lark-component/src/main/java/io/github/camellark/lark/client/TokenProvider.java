package io.github.camellark.lark.client;

import java.util.concurrent.CompletableFuture;

/** Supplies the {@code tenant_access_token} for calls made as the app. */
public interface TokenProvider {

    /** For a client that makes only calls without credentials: asking it for a token is a bug. */
    TokenProvider NONE = new TokenProvider() {
        @Override
        public CompletableFuture<String> tenantToken(String tenantKey) {
            return CompletableFuture.failedFuture(new IllegalStateException("this Lark client makes calls without credentials only"));
        }

        @Override
        public void evict(String token) {
        }
    };

    /** The token to use now; {@code tenantKey} matters for store apps only. */
    CompletableFuture<String> tenantToken(String tenantKey);

    /** Lark said this token is invalid: forget it so that the next call fetches a new one. */
    void evict(String token);
}
