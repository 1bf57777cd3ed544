package io.github.camellark.lark.testkit.auth;

import io.github.camellark.lark.testkit.state.SimUser;

import java.time.Instant;

/** An access token the simulator handed out. */
public record IssuedToken(String value, Kind kind, String tenantKey, SimUser user, Instant issuedAt, Instant expiresAt) {

    public enum Kind {
        /** {@code tenant_access_token} ({@code t-…}): the app's bot. */
        TENANT,
        /** {@code app_access_token} ({@code a-…}): only good for fetching tenant tokens of store apps. */
        APP,
        /** {@code user_access_token} ({@code u-…}): acts as a user. */
        USER
    }

    public long secondsLeft(Instant now) {
        return Math.max(0, expiresAt.getEpochSecond() - now.getEpochSecond());
    }
}
