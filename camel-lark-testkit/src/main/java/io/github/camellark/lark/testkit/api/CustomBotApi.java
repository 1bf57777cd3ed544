package io.github.camellark.lark.testkit.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.testkit.http.SimHttpServer;
import io.github.camellark.lark.testkit.http.SimRequest;
import io.github.camellark.lark.testkit.http.SimResponse;
import io.github.camellark.lark.testkit.state.Sender;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimCustomBot;
import io.github.camellark.lark.testkit.state.SimulatorState;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * The group custom-bot webhook {@code POST /open-apis/bot/v2/hook/{token}}: no access token;
 * optional signature ({@code sign = Base64(HmacSHA256(key = timestamp + "\n" + secret, data = empty))},
 * timestamp within one hour), optional keywords, body ≤ 20 KB. Codes (from third-party copies of
 * Lark's guide, so (unverified)): 19001 unknown token, 19021 bad signature or stale timestamp,
 * 19024 keyword missing, 9499 malformed body (HTTP 400).
 */
final class CustomBotApi {

    private static final int MAX_BODY = 20 * 1024;
    private static final Set<String> MSG_TYPES = Set.of("text", "post", "image", "share_chat", "interactive");

    private final SimulatorState state;
    private final LegacyContent legacy;

    CustomBotApi(SimulatorState state, LegacyContent legacy) {
        this.state = state;
        this.legacy = legacy;
    }

    void register(SimHttpServer server) {
        server.route("POST", "/open-apis/bot/v2/hook/{hook_token}", false, this::post);
    }

    private SimResponse post(SimRequest request) {
        SimCustomBot bot = state.customBot(request.pathParam("hook_token")).orElse(null);
        if (bot == null) {
            return reply(200, 19001, "param invalid: incoming webhook access token invalid");
        }
        JsonNode body = request.json();
        if (body == null || !body.isObject() || request.bodyLength() > MAX_BODY) {
            return reply(400, 9499, "Bad Request");
        }
        if (bot.secret() != null && !signatureValid(body, bot.secret())) {
            return reply(200, 19021, "sign match fail or timestamp is not within one hour from current time");
        }
        String msgType = body.path("msg_type").asText("");
        if (!MSG_TYPES.contains(msgType)) {
            return reply(400, 9499, "Bad Request");
        }
        String content = legacy.toImContent(msgType, body.get("content"), body.get("card"));
        if (content == null) {
            return reply(400, 9499, "Bad Request");
        }
        if (!bot.keywords().isEmpty() && bot.keywords().stream().noneMatch(content::contains)) {
            return reply(200, 19024, "Key Words Not Found");
        }
        SimChat chat = state.chat(bot.chatId()).orElseThrow();
        state.postMessage(chat, Sender.customBot(bot.botId(), bot.name()), msgType, content);
        // newer deployments answer both the old StatusCode fields and the code/msg envelope
        return SimResponse.json(200, Json.obj()
                .put("StatusCode", 0)
                .put("StatusMessage", "success")
                .put("code", 0)
                .put("data", java.util.Map.of())
                .put("msg", "success")
                .map());
    }

    private boolean signatureValid(JsonNode body, String secret) {
        String timestamp = body.path("timestamp").asText("");
        String sign = body.path("sign").asText("");
        if (timestamp.isEmpty() || sign.isEmpty()) {
            return false;
        }
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            if (Duration.between(sent, state.now()).abs().compareTo(Duration.ofHours(1)) > 0) {
                return false;
            }
        } catch (NumberFormatException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(timestamp, secret).getBytes(StandardCharsets.UTF_8),
                sign.getBytes(StandardCharsets.UTF_8));
    }

    /** Lark's custom-bot signature: the string to sign is the HMAC key, the data is empty. */
    static String sign(String timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(new byte[0]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SimResponse reply(int status, int code, String msg) {
        return SimResponse.json(status, Json.obj().put("code", code).put("msg", msg).put("data", java.util.Map.of()).map());
    }
}
