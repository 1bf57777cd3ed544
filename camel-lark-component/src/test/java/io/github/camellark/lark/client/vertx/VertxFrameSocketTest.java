package io.github.camellark.lark.client.vertx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.camellark.lark.client.http.FrameSocket;
import io.github.camellark.lark.client.http.HandshakeRefusedException;
import io.github.camellark.lark.client.http.SocketRequest;
import io.github.camellark.lark.support.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The frame socket of the port on Vert.x, against a hand-written WebSocket server that drops the TCP connection without
 * a close frame: a FIN or an RST arriving while the listener is still busy with a frame is reported, once. (The JDK
 * client lost such a FIN for good.)
 */
class VertxFrameSocketTest {

    private final TestEngine engine = new TestEngine();

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void aFinWithoutCloseFrameWhileAFrameIsBeingHandledIsReportedAsAnAbnormalClosure() throws Exception {
        try (DroppingServer server = new DroppingServer(false)) {
            Recording listener = new Recording(Duration.ofMillis(300));
            engine.transport().dial(request(server), listener).get(5, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(5)).until(() -> !listener.ends.isEmpty());

            assertThat(listener.frames).containsExactly("hello");
            assertThat(listener.ends).containsExactly("closed 1006");
        }
    }

    @Test
    void anRstIsReportedOnce() throws Exception {
        try (DroppingServer server = new DroppingServer(true)) {
            Recording listener = new Recording(Duration.ZERO);
            engine.transport().dial(request(server), listener).get(5, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(5)).until(() -> !listener.ends.isEmpty());
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> listener.ends.size() == 1);

            assertThat(listener.ends.get(0)).matches("closed 1006|error .*");
        }
    }

    @Test
    void aRefusedUpgradeCarriesTheStatusAndHeadersOfTheReply() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> {
                try (Socket socket = server.accept()) {
                    readHead(socket.getInputStream());
                    socket.getOutputStream().write(("HTTP/1.1 403 Forbidden\r\nHandshake-Status: 403\r\nContent-Length: 0\r\n"
                                                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the test fails on its own assertion
                }
            });
            SocketRequest request = new SocketRequest(URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/ws"), "test server",
                    Duration.ofSeconds(5), 1024);

            assertThatThrownBy(() -> engine.transport().dial(request, new Recording(Duration.ZERO)).get(5, TimeUnit.SECONDS))
                    .cause().isInstanceOfSatisfying(HandshakeRefusedException.class, refused -> {
                        assertThat(refused.status()).isEqualTo(403);
                        assertThat(refused.headers().first("handshake-status")).isEqualTo("403");
                    });
        }
    }

    private static SocketRequest request(DroppingServer server) {
        return new SocketRequest(URI.create("ws://127.0.0.1:" + server.port() + "/ws?ticket=t"), "test server",
                Duration.ofSeconds(5), 1024 * 1024);
    }

    /** Records what the socket reports; spends {@code busy} in each frame, as a slow handler would. */
    private static final class Recording implements FrameSocket.Listener {
        final List<String> frames = new CopyOnWriteArrayList<>();
        final List<String> ends = new CopyOnWriteArrayList<>();
        private final Duration busy;

        Recording(Duration busy) {
            this.busy = busy;
        }

        @Override
        public void onFrame(byte[] message) {
            frames.add(new String(message, StandardCharsets.UTF_8));
            try {
                Thread.sleep(busy.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onPong() {
        }

        @Override
        public void onClosed(int code, String reason) {
            ends.add("closed " + code);
        }

        @Override
        public void onError(Throwable error) {
            ends.add("error " + error);
        }
    }

    /** Completes one upgrade, sends one binary frame, then closes the TCP connection: FIN, or RST with linger 0. */
    private static final class DroppingServer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());

        DroppingServer(boolean reset) throws IOException {
            CompletableFuture.runAsync(() -> serve(reset));
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve(boolean reset) {
            try (Socket socket = server.accept()) {
                String head = readHead(socket.getInputStream());
                String key = head.lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElseThrow();
                byte[] digest = MessageDigest.getInstance("SHA-1")
                        .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           + "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(digest) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] payload = "hello".getBytes(StandardCharsets.UTF_8);
                out.write(new byte[] { (byte) 0x82, (byte) payload.length });
                out.write(payload);
                out.flush();
                if (reset) {
                    socket.setSoLinger(true, 0);
                }
            } catch (Exception ignored) {
                // the test fails on its own assertion
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String text = head.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
