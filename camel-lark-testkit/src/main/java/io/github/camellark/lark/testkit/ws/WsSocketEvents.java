package io.github.camellark.lark.testkit.ws;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;

import io.github.camellark.lark.testkit.events.Ids;

/**
 * Lark's protocol on what the WebSocket server reports: which upgrades are admitted, the connections, pongs to pings and
 * acks of pushed frames. Keeps what it saw for {@link LongConnectionServer}'s observation methods.
 */
final class WsSocketEvents implements FrameSocketServer.Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LongConnectionServer server;
    private final WsDiscovery discovery;
    private final WsPusher pusher;
    private final Map<WebSocket, WsConnection> bySocket = new ConcurrentHashMap<>();
    final List<WsConnection> connections = new CopyOnWriteArrayList<>();
    final List<WsAck> acks = new CopyOnWriteArrayList<>();
    final List<HandshakeRejection> refusedHandshakes = new CopyOnWriteArrayList<>();
    final AtomicInteger handshakes = new AtomicInteger();
    final AtomicInteger pings = new AtomicInteger();

    WsSocketEvents(LongConnectionServer server, WsDiscovery discovery, WsPusher pusher) {
        this.server = server;
        this.discovery = discovery;
        this.pusher = pusher;
    }

    List<WsConnection> openConnections() {
        return connections.stream().filter(WsConnection::isOpen).toList();
    }

    @Override
    public HandshakeRejection admit(WebSocket socket, ClientHandshake request) {
        handshakes.incrementAndGet();
        HandshakeRejection refusal = refusal(request);
        if (refusal != null) {
            refusedHandshakes.add(refusal);
        }
        return refusal;
    }

    private HandshakeRejection refusal(ClientHandshake request) {
        URI uri = URI.create(request.getResourceDescriptor());
        Map<String, String> query = QueryString.parse(uri.getRawQuery());
        // always redeemed, so tickets do not pile up when fresh tickets are not required
        boolean known = discovery.redeem(query.getOrDefault("ticket", ""));
        if (!LongConnectionServer.WEBSOCKET_PATH.equals(uri.getPath()) || (server.requiresFreshTicket() && !known)) {
            return HandshakeRejection.invalidTicket();
        }
        HandshakeRejection injected = server.faults().takeHandshakeRejection();
        if (injected != null) {
            return injected;
        }
        if (openConnections().size() >= server.faults().connectionLimit()) {
            return HandshakeRejection.connectionLimit();
        }
        return null;
    }

    @Override
    public void opened(WebSocket socket) {
        Map<String, String> query = QueryString.parse(URI.create(socket.getResourceDescriptor()).getRawQuery());
        String deviceId = query.getOrDefault("device_id", Ids.hex(16));
        int service = parseIntOr(query.get("service_id"), discovery.serviceId());
        WsConnection connection = new WsConnection(deviceId, service, socket);
        bySocket.put(socket, connection);
        connections.add(connection);
    }

    @Override
    public void closed(WebSocket socket, int code) {
        WsConnection connection = bySocket.remove(socket);
        if (connection == null) {
            return;
        }
        connection.closed(code);
        pusher.connectionLost(connection.id());
    }

    @Override
    public void binary(WebSocket socket, byte[] bytes) {
        WsConnection connection = bySocket.get(socket);
        if (connection == null) {
            return;
        }
        Pbbp2Frame frame;
        try {
            frame = Pbbp2Codec.decode(bytes);
        } catch (IllegalArgumentException malformed) {
            return; // not a frame; a real server would probably drop the connection (unverified)
        }
        if (frame.method() == Pbbp2Frame.CONTROL) {
            control(connection, frame);
        } else {
            ack(connection, frame);
        }
    }

    @Override
    public boolean answersPings(WebSocket socket) {
        WsConnection connection = bySocket.get(socket);
        return connection == null || !connection.isSilent();
    }

    private void control(WsConnection connection, Pbbp2Frame frame) {
        if (!"ping".equals(frame.type())) {
            return;
        }
        pings.incrementAndGet();
        connection.countPing();
        if (connection.isSilent()) {
            return;
        }
        byte[] payload = server.pongCarriesClientConfig() ? server.clientConfig().toJson().getBytes(StandardCharsets.UTF_8) : null;
        WsPusher.send(connection, Pbbp2Frame.control(frame.service(), "pong", payload));
    }

    private void ack(WsConnection connection, Pbbp2Frame frame) {
        String messageId = frame.header("message_id").orElse("");
        int code = -1;
        String reply = null;
        try {
            JsonNode payload = JSON.readTree(frame.payloadAsString());
            code = payload.path("code").asInt(-1);
            JsonNode data = payload.path("data");
            if (data.isTextual()) {
                reply = new String(Base64.getDecoder().decode(data.asText()), StandardCharsets.UTF_8);
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            // recorded with code -1: the client sent something that is not Lark's ack shape
        }
        WsAck ack = new WsAck(connection.id(), messageId, code, reply, frame.header("biz_rt").orElse(null), Instant.now(), frame);
        acks.add(ack);
        pusher.acked(ack);
    }

    private static int parseIntOr(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
