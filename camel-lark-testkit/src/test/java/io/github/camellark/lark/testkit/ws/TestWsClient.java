package io.github.camellark.lark.testkit.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A bare-bones long-connection client built on {@code java.net.http.WebSocket}: enough to drive the server
 * frame by frame in tests (the official SDK client is exercised separately).
 */
final class TestWsClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<Pbbp2Frame> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private final int serviceId;
    /** Answers each complete data frame: the ack payload JSON, or null to stay silent. */
    private volatile Function<Pbbp2Frame, String> acking = frame -> null;

    private TestWsClient(URI url) throws Exception {
        this.serviceId = Integer.parseInt(QueryString.parse(url.getRawQuery()).get("service_id"));
        this.socket = HTTP.newWebSocketBuilder().buildAsync(url, new Listener()).get(5, TimeUnit.SECONDS);
    }

    /** Runs discovery in-process and dials the URL it returns. */
    static TestWsClient connect(LongConnectionServer server) throws Exception {
        String reply = server.discover("{\"AppID\":\"cli_test\",\"AppSecret\":\"secret\"}".getBytes(StandardCharsets.UTF_8)).body();
        return new TestWsClient(URI.create(new ObjectMapper().readTree(reply).path("data").path("URL").asText()));
    }

    /** Acks every data frame with code 200 and this callback reply (null: no data). */
    TestWsClient ackingWith(int code, String callbackReply) {
        acking = frame -> ackPayload(code, callbackReply);
        return this;
    }

    static String ackPayload(int code, String callbackReply) {
        return callbackReply == null ? "{\"code\":" + code + "}"
                : "{\"code\":" + code + ",\"data\":\"" + Base64.getEncoder().encodeToString(callbackReply.getBytes(StandardCharsets.UTF_8)) + "\"}";
    }

    void ping() {
        sendFrame(Pbbp2Frame.control(serviceId, "ping", null));
    }

    void sendFrame(Pbbp2Frame frame) {
        socket.sendBinary(ByteBuffer.wrap(Pbbp2Codec.encode(frame)), true).join();
    }

    void ack(Pbbp2Frame frame, String payloadJson) {
        sendFrame(frame.withPayload(payloadJson.getBytes(StandardCharsets.UTF_8)).withHeader("biz_rt", "3"));
    }

    List<Pbbp2Frame> received() {
        return List.copyOf(received);
    }

    List<Pbbp2Frame> receivedOfType(String type) {
        return received.stream().filter(f -> type.equals(f.type())).toList();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    int serviceId() {
        return serviceId;
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            partial.writeBytes(bytes);
            if (last) {
                Pbbp2Frame frame = Pbbp2Codec.decode(partial.toByteArray());
                partial.reset();
                received.add(frame);
                if (frame.method() == Pbbp2Frame.DATA) {
                    String ack = acking.apply(frame);
                    if (ack != null) {
                        ack(frame, ack);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(1006);
        }
    }
}
