package io.github.camellark.lark.testkit.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who did something: the app's bot (tenant token), a user (user token or simulated typing), or a
 * group custom bot (webhook).
 */
public record Sender(Kind kind, String id, String name, SimUser user) {

    public enum Kind { APP, USER, CUSTOM_BOT }

    public static Sender app(String appId, String botName) {
        return new Sender(Kind.APP, appId, botName, null);
    }

    public static Sender user(SimUser user) {
        return new Sender(Kind.USER, user.openId(), user.name(), user);
    }

    public static Sender customBot(String botId, String botName) {
        return new Sender(Kind.CUSTOM_BOT, botId, botName, null);
    }

    public boolean isUser() {
        return kind == Kind.USER;
    }

    public boolean isApp() {
        return kind == Kind.APP;
    }

    /** The {@code sender} object of Lark's message model. */
    public Map<String, Object> toSenderJson(String tenantKey) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("id_type", kind == Kind.USER ? "open_id" : "app_id");
        json.put("sender_type", kind == Kind.USER ? "user" : "app");
        json.put("tenant_key", tenantKey);
        return json;
    }
}
