package io.github.camellark.lark.event.ws;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.client.http.FrameSocket;
import io.github.camellark.lark.client.http.HttpCall;
import io.github.camellark.lark.client.http.HttpReply;
import io.github.camellark.lark.client.http.HttpTransport;
import io.github.camellark.lark.client.http.SocketRequest;
import io.github.camellark.lark.event.EventAck;
import io.github.camellark.lark.event.EventPipeline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Back-pressure of the long connection: while the pipeline has no room, the socket stops reading (Lark keeps the next
 * frames) instead of acknowledging each of them with a failure, and it reads again once the pipeline has caught up.
 */
class FrameDispatcherBackPressureTest {

    private final RecordingSocket socket = new RecordingSocket();
    private final FullPipeline pipeline = new FullPipeline();

    @Test
    void aFullPipelinePausesTheSocketUntilItHasRoomAgain() throws Exception {
        LongConnection connection = open();
        FrameDispatcher dispatcher = new FrameDispatcher(pipeline, new ObjectMapper(),
                new FragmentAssembler(10_000, 16, 1 << 20, System::nanoTime), config -> {
                });

        dispatcher.onMessage(connection, eventFrame("ev-1"));
        assertThat(socket.calls).isEmpty();

        pipeline.full = true;
        dispatcher.onMessage(connection, eventFrame("ev-2"));
        assertThat(socket.calls).containsExactly("pause");

        pipeline.room.get().run();
        assertThat(socket.calls).containsExactly("pause", "resume");
    }

    private LongConnection open() throws Exception {
        DiscoveredConnection target = DiscoveredConnection.of(URI.create("ws://127.0.0.1:1/ws?service_id=1&device_id=d"), null);
        LongConnection connection = new LongConnection(target, new LongConnection.Handler() {
            @Override
            public void onMessage(LongConnection c, byte[] message) {
            }

            @Override
            public void onLost(LongConnection c, String reason, Throwable error) {
            }
        });
        return connection.open(new OneSocketTransport(socket), Duration.ofSeconds(1), 1 << 20).get(1, TimeUnit.SECONDS);
    }

    private static byte[] eventFrame(String id) {
        byte[] payload = ("{\"header\":{\"event_id\":\"" + id + "\"}}").getBytes(StandardCharsets.UTF_8);
        Frame frame = new Frame(1, 0, 1, Frame.METHOD_DATA, List.of(new Frame.Header(Frame.TYPE, "event"),
                new Frame.Header(Frame.MESSAGE_ID, id)), null, null, payload, null);
        return FrameCodec.encode(frame);
    }

    /** Answers every event at once; reports no room while {@code full}, and remembers who waits for room. */
    private static final class FullPipeline implements EventPipeline {
        volatile boolean full;
        final AtomicReference<Runnable> room = new AtomicReference<>();

        @Override
        public CompletableFuture<EventAck> process(byte[] envelope) {
            return CompletableFuture.completedFuture(EventAck.delivered());
        }

        @Override
        public boolean accepting() {
            return !full;
        }

        @Override
        public void onceAccepting(Runnable resume) {
            room.set(resume);
        }
    }

    /** Records pause and resume; sends succeed. */
    private static final class RecordingSocket implements FrameSocket {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> send(byte[] message) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void ping() {
        }

        @Override
        public void pause() {
            calls.add("pause");
        }

        @Override
        public void resume() {
            calls.add("resume");
        }

        @Override
        public void close(int code, String reason) {
        }

        @Override
        public void abort() {
        }
    }

    /** A transport whose dial hands out the given socket. */
    private record OneSocketTransport(FrameSocket socket) implements HttpTransport {
        @Override
        public CompletableFuture<HttpReply> exchange(HttpCall call) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<FrameSocket> dial(SocketRequest request, FrameSocket.Listener listener) {
            return CompletableFuture.completedFuture(socket);
        }

        @Override
        public Timer schedule(long delayMillis, Runnable task) {
            throw new UnsupportedOperationException();
        }
    }
}
