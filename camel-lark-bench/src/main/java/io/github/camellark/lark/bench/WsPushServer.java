package io.github.camellark.lark.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.github.camellark.lark.testkit.ws.Pbbp2Codec;
import io.github.camellark.lark.testkit.ws.Pbbp2Frame;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Lark's side of the long connection, cut down to what a throughput run needs: it accepts clients (discovery at
 * the stub hands out {@link #url()}), pushes pre-encoded {@code type=event} frames with a fixed number awaiting their
 * ack, and times each ack from push to arrival. Pings get a pong; nothing is redelivered. Frames are indexed by SeqID,
 * which the ack echoes.
 */
final class WsPushServer extends WebSocketServer implements AutoCloseable {

    static final int SERVICE_ID = 1;

    private final CountDownLatch started = new CountDownLatch(1);
    private volatile CompletableFuture<WebSocket> connected = new CompletableFuture<>();
    private volatile Run run;

    /** The state of one push run, read by the server's decoder threads. */
    private static final class Run {
        final long[] sentAt;
        final Latencies latencies;
        final Semaphore window;
        final CountDownLatch acked;
        final AtomicLong failures = new AtomicLong();

        Run(int count, int window) {
            sentAt = new long[count];
            latencies = new Latencies(count);
            this.window = new Semaphore(window);
            acked = new CountDownLatch(count);
        }
    }

    WsPushServer() throws InterruptedException {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        setReuseAddr(true);
        setDaemon(true);
        setConnectionLostTimeout(0);
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("WebSocket push server did not start");
        }
    }

    /** What discovery hands out; the clients read device_id and service_id from it. */
    String url() {
        return "ws://127.0.0.1:" + getPort() + "/ws/v2?device_id=7000000000000000001&service_id=" + SERVICE_ID;
    }

    /** The next client to connect (call before starting it, wait on it after): each client keeps its own socket. */
    CompletableFuture<WebSocket> expectConnection() {
        connected = new CompletableFuture<>();
        return connected;
    }

    /** Frames ready to push: SeqID = index, one fragment each, as Lark frames an event. */
    static List<byte[]> frames(List<byte[]> payloads) {
        List<byte[]> frames = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            String messageId = String.format("%032x", i + 1L);
            frames.add(Pbbp2Codec.encode(new Pbbp2Frame(i, 1_000_000L + i, SERVICE_ID, Pbbp2Frame.DATA,
                    List.of(new Pbbp2Frame.Header("type", "event"), new Pbbp2Frame.Header("message_id", messageId),
                            new Pbbp2Frame.Header("sum", "1"), new Pbbp2Frame.Header("seq", "0"),
                            new Pbbp2Frame.Header("trace_id", "bench-trace-" + i)),
                    null, null, payloads.get(i), null)));
        }
        return frames;
    }

    EventRun push(String receiver, WebSocket socket, List<byte[]> frames, int window, LongSupplier routed)
            throws InterruptedException {
        if (socket == null || !socket.isOpen()) {
            throw new IllegalStateException(receiver + " is not connected");
        }
        Run current = new Run(frames.size(), window);
        run = current;
        long routedBefore = routed.getAsLong();
        long start = System.nanoTime();
        for (int i = 0; i < frames.size(); i++) {
            current.window.acquire();
            current.sentAt[i] = System.nanoTime();
            socket.send(frames.get(i));
        }
        if (!current.acked.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(receiver + " acked " + (frames.size() - current.acked.getCount()) + " of "
                    + frames.size() + " frames in 5 min");
        }
        long nanos = System.nanoTime() - start;
        return EventRun.of(receiver, "websocket", window, frames.size(), nanos, current.latencies, current.failures.get(),
                routed.getAsLong() - routedBefore);
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        Pbbp2Frame frame = Pbbp2Codec.decode(bytes);
        if (frame.method() == Pbbp2Frame.CONTROL) {
            if ("ping".equals(frame.header("type").orElse(""))) {
                socket.send(Pbbp2Codec.encode(new Pbbp2Frame(0, 0, frame.service(), Pbbp2Frame.CONTROL,
                        List.of(new Pbbp2Frame.Header("type", "pong")), null, null, null, null)));
            }
            return;
        }
        Run current = run;
        int index = (int) frame.seqId();
        if (current == null || index < 0 || index >= current.sentAt.length) {
            return;
        }
        current.latencies.record(System.nanoTime() - current.sentAt[index]);
        String ack = new String(frame.payload(), StandardCharsets.UTF_8);
        if (!ack.contains("\"code\":200") && current.failures.incrementAndGet() == 1) {
            System.err.println("first failed ack: " + ack);
        }
        current.window.release();
        current.acked.countDown();
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
        // Lark's clients only send binary frames
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        connected.complete(socket);
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        // a run on a closed socket fails by itself
    }

    @Override
    public void onError(WebSocket socket, Exception e) {
        System.err.println("push server: " + e);
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        stop(1000);
    }
}
