package io.github.camellark.lark.client;

import java.util.concurrent.CompletableFuture;

/** Supplies the {@code tenant_access_token} for calls made as the app. */
public interface TokenProvider {

    /** The token to use now; {@code tenantKey} matters for store apps only. */
    CompletableFuture<String> tenantToken(String tenantKey);

    /** Lark said this token is invalid: forget it so that the next call fetches a new one. */
    void evict(String token);
}
