package io.github.camellark.lark.testkit.events;

import java.util.Objects;

/**
 * The app an event is addressed to, as it appears in every envelope: {@code app_id}, {@code tenant_key} and
 * the console's Verification Token ({@code header.token} / {@code token}).
 */
public record AppIdentity(String appId, String tenantKey, String verificationToken) {

    public AppIdentity {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(tenantKey, "tenantKey");
        Objects.requireNonNull(verificationToken, "verificationToken");
    }

    /** A made-up self-built app, shaped like real ids ({@code cli_} + 16 hex, 16-hex tenant key). */
    public static AppIdentity example() {
        return new AppIdentity("cli_" + Ids.hex(16), Ids.hex(16), Ids.lowerAlnum(32));
    }
}
