package io.github.camellark.lark.testkit.ws;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * The Java-WebSocket server under the long connection: one selector thread and one decoder thread. It only
 * translates library callbacks into {@link Events}; all protocol logic lives in {@link LongConnectionServer}.
 */
final class FrameSocketServer extends WebSocketServer {

    /** What the long-connection logic needs to hear. Callbacks arrive on the server's threads. */
    interface Events {
        /** Decides on an upgrade: null admits it, otherwise the refusal to answer with. */
        HandshakeRejection admit(WebSocket socket, ClientHandshake request);

        void opened(WebSocket socket);

        void closed(WebSocket socket, int code);

        void binary(WebSocket socket, byte[] bytes);

        /** False while a connection plays half-open: even WebSocket-level pings go unanswered. */
        boolean answersPings(WebSocket socket);
    }

    /** Attachment of a socket whose upgrade was refused. */
    private static final Object REFUSED = new Object();

    private final Events events;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;

    FrameSocketServer(InetSocketAddress address, Events events) {
        super(address, 1, List.of(new RejectingDraft()));
        this.events = events;
        setReuseAddr(true);
        setDaemon(true);
        // Lark's liveness is the pbbp2 ping; the library's own ping timer would interfere with half-open tests
        setConnectionLostTimeout(0);
    }

    void awaitStarted() throws Exception {
        started.await();
        if (startFailure != null) {
            throw startFailure;
        }
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket socket, Draft draft, ClientHandshake request)
            throws InvalidDataException {
        ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(socket, draft, request);
        HandshakeRejection rejection = events.admit(socket, request);
        if (rejection != null) {
            rejection.headers().forEach(response::put);
            socket.setAttachment(REFUSED);
        }
        return response;
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        if (socket.getAttachment() == REFUSED) {
            // the refusal is queued; close the TCP connection once it is written, without a close frame
            ((WebSocketImpl) socket).flushAndClose(CloseFrame.PROTOCOL_ERROR, "handshake refused", false);
            return;
        }
        events.opened(socket);
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        if (socket.getAttachment() != REFUSED) {
            events.closed(socket, code);
        }
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
        // text messages are not part of the protocol; the SDKs ignore them too
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        events.binary(socket, bytes);
    }

    @Override
    public void onWebsocketPing(WebSocket socket, Framedata ping) {
        if (events.answersPings(socket)) {
            super.onWebsocketPing(socket, ping);
        }
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
        if (socket == null) {
            startFailure = error; // the server itself failed, e.g. could not bind
            started.countDown();
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
