package io.github.camellark.lark.testkit.auth;

import io.github.camellark.lark.testkit.state.Ids;
import io.github.camellark.lark.testkit.state.SimUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Issues and checks access tokens the way Lark documents it: tokens live {@code lifetime}
 * (7200 s by default); asking again while the current token has at least 30 minutes left returns
 * the same token, with less left a new one, and the old one stays valid until it expires.
 */
public final class TokenService {

    /** Lark hands out a fresh token once the current one has less than this left. */
    public static final Duration REFRESH_WINDOW = Duration.ofMinutes(30);

    private final Clock clock;
    private final Ids ids;
    private final Duration lifetime;
    private final Map<String, IssuedToken> tokens = new LinkedHashMap<>();
    private final String appTicket;

    public TokenService(Clock clock, Ids ids, Duration lifetime) {
        this.clock = clock;
        this.ids = ids;
        this.lifetime = lifetime;
        this.appTicket = ids.appTicket();
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** The tenant token for {@code tenantKey}: the current one, or a new one near its end. */
    public synchronized IssuedToken tenantToken(String tenantKey) {
        return current(IssuedToken.Kind.TENANT, tenantKey, null);
    }

    public synchronized IssuedToken appToken() {
        return current(IssuedToken.Kind.APP, null, null);
    }

    /** A {@code user_access_token} acting as {@code user} (Lark gets these through OAuth; tests just ask). */
    public synchronized IssuedToken userToken(SimUser user) {
        return current(IssuedToken.Kind.USER, user.tenantKey(), user);
    }

    private IssuedToken current(IssuedToken.Kind kind, String tenantKey, SimUser user) {
        Instant now = clock.instant();
        IssuedToken newest = null;
        for (IssuedToken token : tokens.values()) {
            if (token.kind() == kind && java.util.Objects.equals(token.tenantKey(), tenantKey)
                    && java.util.Objects.equals(token.user(), user) && token.expiresAt().isAfter(now)) {
                newest = token;
            }
        }
        if (newest != null && !newest.expiresAt().isBefore(now.plus(REFRESH_WINDOW))) {
            return newest;
        }
        String value = switch (kind) {
            case TENANT -> ids.tenantToken();
            case APP -> ids.appToken();
            case USER -> ids.userToken();
        };
        IssuedToken issued = new IssuedToken(value, kind, tenantKey, user, now, now.plus(lifetime));
        tokens.put(value, issued);
        return issued;
    }

    /** The token if it was issued here, is not expired and was not invalidated. */
    public synchronized Optional<IssuedToken> valid(String value) {
        IssuedToken token = tokens.get(value);
        if (token == null || !token.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /** Forgets every token issued so far: the next business calls get 99991663. */
    public synchronized void invalidateAll() {
        tokens.clear();
    }

    /** The app_ticket Lark pushes to store apps every hour. */
    public synchronized String appTicket() {
        return appTicket;
    }
}
