package io.github.camellark.lark.testkit.ws;

import java.io.IOException;
import java.net.URI;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camellark.lark.testkit.events.Ids;

/**
 * Endpoint discovery of the long connection ({@code POST /callback/ws/endpoint}): checks the app's credentials and hands
 * out a WebSocket URL with a one-time ticket and the ClientConfig. Part of {@link LongConnectionServer}.
 */
final class WsDiscovery {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Random random = new Random();
    private final int serviceId = 1 + new Random().nextInt(Integer.MAX_VALUE - 1);
    /** Tickets discovery handed out and no upgrade has presented yet. */
    private final Set<String> tickets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger discoveries = new AtomicInteger();

    private volatile String appId;
    private volatile String appSecret;
    private volatile int badCredentialsCode = 10014;

    void credentials(String appId, String appSecret) {
        this.appId = appId;
        this.appSecret = appSecret;
    }

    void badCredentialsCode(int code) {
        this.badCredentialsCode = code;
    }

    /** The service id discovery puts in URLs, which frames carry back. */
    int serviceId() {
        return serviceId;
    }

    int count() {
        return discoveries.get();
    }

    /** Takes a ticket back: true once for every ticket discovery handed out. */
    boolean redeem(String ticket) {
        return tickets.remove(ticket);
    }

    /** The reply to a discovery request: {@code webSocketUri} with a fresh query, or a failure. */
    HttpReply discover(byte[] requestBody, URI webSocketUri, ClientConfig config, WsFaults faults) {
        discoveries.incrementAndGet();
        HttpReply failure = faults.takeDiscoveryFailure();
        if (failure != null) {
            return failure;
        }
        JsonNode request;
        try {
            request = JSON.readTree(requestBody);
        } catch (IOException e) {
            return error(400, 400, "invalid request body");
        }
        if (request == null || !request.isObject()) {
            return error(400, 400, "invalid request body");
        }
        String requestAppId = request.path("AppID").asText("");
        String requestSecret = request.path("AppSecret").asText("");
        boolean credentialsOk = appId == null
                ? !requestAppId.isEmpty()
                : appId.equals(requestAppId) && appSecret.equals(requestSecret);
        if (!credentialsOk) {
            return error(200, badCredentialsCode, "app id or app secret invalid");
        }
        String deviceId = Long.toString(7_000_000_000_000_000_000L + Math.floorMod(random.nextLong(), 1_000_000_000_000_000_000L));
        String ticket = UUID.randomUUID().toString();
        tickets.add(ticket);
        // query shape from logs of real URLs (fpid, aid, access_key are opaque; only device_id and service_id matter)
        String url = webSocketUri + "?fpid=493&aid=552564&device_id=" + deviceId + "&access_key=" + Ids.hex(32)
                + "&service_id=" + serviceId + "&ticket=" + ticket;
        ObjectNode data = JSON.createObjectNode();
        data.put("URL", url);
        ObjectNode clientConfigNode = data.putObject("ClientConfig");
        clientConfigNode.put("ReconnectCount", config.reconnectCount());
        clientConfigNode.put("ReconnectInterval", config.reconnectInterval());
        clientConfigNode.put("ReconnectNonce", config.reconnectNonce());
        clientConfigNode.put("PingInterval", config.pingInterval());
        return reply(200, 0, "ok", data);
    }

    /**
     * A failed discovery. The body keeps the success shape with an empty {@code data}: the Node SDK (1.74) destructures
     * {@code data.URL} and {@code data.ClientConfig} before it looks at {@code code}, so a missing or null {@code data}
     * makes it throw and retry forever instead of classifying the code; its own tests model failures as
     * {@code "data":{"URL":"","ClientConfig":{}}}. The Java SDK (2.5.3) reads {@code data} only when the code is 0.
     * What the real gateway puts in {@code data} on failure is unverified.
     */
    static HttpReply error(int httpStatus, int code, String msg) {
        ObjectNode data = JSON.createObjectNode();
        data.put("URL", "");
        data.putObject("ClientConfig");
        return reply(httpStatus, code, msg, data);
    }

    private static HttpReply reply(int httpStatus, int code, String msg, ObjectNode data) {
        ObjectNode body = JSON.createObjectNode();
        body.put("code", code);
        body.put("msg", msg);
        body.set("data", data);
        return HttpReply.json(httpStatus, body.toString());
    }
}
