package io.github.camellark.lark.testkit.events;

import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A person as events identify them: the three ids Lark puts in every {@code *_id} object
 * ({@code open_id} {@code ou_...}, {@code union_id} {@code on_...}, {@code user_id}), a display name and a tenant.
 */
public record EventUser(String openId, String unionId, String userId, String name, String tenantKey) {

    public EventUser {
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(unionId, "unionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tenantKey, "tenantKey");
    }

    /** A user with fresh, realistic-looking ids. */
    public static EventUser named(String name, String tenantKey) {
        return new EventUser("ou_" + Ids.hex(32), "on_" + Ids.hex(32), Ids.lowerAlnum(8), name, tenantKey);
    }

    /** {@code {"union_id":..,"user_id":..,"open_id":..}}: the shape of {@code sender_id}, {@code operator_id}, ... */
    ObjectNode idObject() {
        ObjectNode ids = LarkEvent.JSON.createObjectNode();
        ids.put("union_id", unionId);
        ids.put("user_id", userId);
        ids.put("open_id", openId);
        return ids;
    }
}
