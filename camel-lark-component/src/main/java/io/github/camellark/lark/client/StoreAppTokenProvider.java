package io.github.camellark.lark.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camellark.lark.client.http.HttpTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tenant tokens of a store (marketplace) app: the {@code app_ticket} Lark pushes every hour
 * gives an {@code app_access_token}, which gives one {@code tenant_access_token} per tenant ({@code CamelLarkTenantKey}).
 * When no ticket is held yet, Lark is asked to push one ({@code app_ticket/resend}, at most once a minute) and calls wait
 * for it, bounded by the request timeout.
 */
public final class StoreAppTokenProvider implements TokenProvider {

    static final String APP_TOKEN_PATH = "/open-apis/auth/v3/app_access_token";
    static final String TENANT_TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token";
    static final String TICKET_RESEND_PATH = "/open-apis/auth/v3/app_ticket/resend";
    /** "failed to get app token"; the SDKs also read it as "app_ticket invalid". */
    static final long TICKET_INVALID = 10012;
    static final Duration RESEND_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(StoreAppTokenProvider.class);

    private final TokenApi auth;
    private final String appId;
    private final String appSecret;
    private final AppTicketStore tickets;
    private final Duration ticketWait;
    private final CachedToken appToken;
    private final Map<String, CachedToken> tenantTokens = new ConcurrentHashMap<>();
    private Instant lastResend;

    public StoreAppTokenProvider(TokenApi auth, String appId, String appSecret, AppTicketStore tickets,
                                 Duration ticketWait) {
        this.auth = auth;
        this.appId = appId;
        this.appSecret = appSecret;
        this.tickets = tickets;
        this.ticketWait = ticketWait;
        this.appToken = new CachedToken(auth.clock());
    }

    @Override
    public CompletableFuture<String> tenantToken(String tenantKey) {
        if (tenantKey == null || tenantKey.isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Store app " + appId + " acts for one tenant at a time: set the tenantKey option or the CamelLarkTenantKey header"
                                                                              + " (lark:events sets it on every event)"));
        }
        return tenantTokens.computeIfAbsent(tenantKey, k -> new CachedToken(auth.clock()))
                .get(() -> appToken().thenCompose(app -> auth.token(TENANT_TOKEN_PATH,
                        Map.of("app_access_token", app, "tenant_key", tenantKey), "tenant_access_token")
                        .whenComplete((tenant, failure) -> {
                            // Lark rejected the app_access_token itself: the next fetch must get a new one
                            Throwable cause = failure == null ? null : LarkClient.unwrap(failure);
                            if (cause instanceof LarkApiException && LarkCodes.isInvalidToken(((LarkApiException) cause).getCode())) {
                                appToken.evict(app);
                            }
                        })));
    }

    /** Business calls are made with tenant tokens, so only those can be reported invalid here. */
    @Override
    public void evict(String token) {
        tenantTokens.values().forEach(cache -> cache.evict(token));
    }

    private CompletableFuture<String> appToken() {
        return appToken.get(() -> ticket().thenCompose(ticket -> auth
                .token(APP_TOKEN_PATH, Map.of("app_id", appId, "app_secret", appSecret, "app_ticket", ticket), "app_access_token")
                .whenComplete((token, failure) -> {
                    if (isTicketRejected(failure)) {
                        tickets.invalidate(ticket);
                        requestResend();
                    }
                })));
    }

    private static boolean isTicketRejected(Throwable failure) {
        Throwable cause = LarkClient.unwrap(failure);
        return cause instanceof LarkApiException && ((LarkApiException) cause).getCode() == TICKET_INVALID;
    }

    /** The ticket held, or the next one Lark pushes after a resend request. */
    private CompletableFuture<String> ticket() {
        String held = tickets.current();
        if (held != null) {
            return CompletableFuture.completedFuture(held);
        }
        requestResend();
        CompletableFuture<String> next = tickets.ticket();
        HttpTransport.Timer timeout;
        try {
            timeout = auth.transport().schedule(ticketWait.toMillis(), () -> next.completeExceptionally(new IllegalStateException(
                    "No app_ticket for store app " + appId + " within " + ticketWait.toMillis() + " ms. Lark pushes it every hour to"
                                                                                     + " the app's event request URL: consume lark:events with transport=webhook; a resend was requested")));
        } catch (RuntimeException stopping) {
            return next;
        }
        next.whenComplete((t, f) -> timeout.cancel());
        return next;
    }

    private void requestResend() {
        synchronized (this) {
            Instant now = auth.clock().instant();
            if (lastResend != null && now.isBefore(lastResend.plus(RESEND_INTERVAL))) {
                return;
            }
            lastResend = now;
        }
        LOG.info("Asking Lark to resend the app_ticket of store app {}", appId);
        auth.post(TICKET_RESEND_PATH, Map.of("app_id", appId, "app_secret", appSecret)).whenComplete((reply, failure) -> {
            if (failure != null) {
                Throwable cause = LarkClient.unwrap(failure);
                LOG.warn("Lark refused to resend the app_ticket of store app {}: {}", appId, cause.getMessage());
            }
        });
    }
}
