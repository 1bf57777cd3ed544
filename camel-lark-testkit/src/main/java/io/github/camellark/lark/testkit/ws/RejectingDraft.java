package io.github.camellark.lark.testkit.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.Handshakedata;
import org.java_websocket.handshake.ServerHandshake;

/**
 * RFC 6455 as usual, except that a server handshake carrying {@code Handshake-Status} is written as a refusal
 * ({@code HTTP/1.1 <status>} with Lark's headers and no upgrade) instead of a 101.
 * <p>
 * Why: Java-WebSocket can only refuse an upgrade with a fixed 404 and no custom headers, but Lark's clients read
 * {@code Handshake-Status}/{@code Handshake-Msg}/{@code Handshake-Autherrcode} from the refusal. The server closes
 * such a connection right after the response is flushed (see {@link FrameSocketServer}).
 */
final class RejectingDraft extends Draft_6455 {

    static final String STATUS_HEADER = "Handshake-Status";

    @Override
    public Draft copyInstance() {
        return new RejectingDraft();
    }

    @Override
    public List<ByteBuffer> createHandshake(Handshakedata handshake) {
        return createHandshake(handshake, true);
    }

    @Override
    public List<ByteBuffer> createHandshake(Handshakedata handshake, boolean withContent) {
        if (handshake instanceof ServerHandshake response && response.hasFieldValue(STATUS_HEADER)) {
            return List.of(refusal(response));
        }
        return super.createHandshake(handshake, withContent);
    }

    private static ByteBuffer refusal(ServerHandshake response) {
        StringBuilder http = new StringBuilder("HTTP/1.1 ").append(response.getFieldValue(STATUS_HEADER)).append(" Handshake Rejected\r\n");
        for (Iterator<String> names = response.iterateHttpFields(); names.hasNext();) {
            String name = names.next();
            if (name.startsWith("Handshake-")) {
                http.append(name).append(": ").append(response.getFieldValue(name)).append("\r\n");
            }
        }
        http.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
        return ByteBuffer.wrap(http.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
