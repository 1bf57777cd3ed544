package io.github.camellark.lark.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The loopback Lark every client of the benchmark talks to: an HTTP/1.1 keep-alive server on non-blocking sockets that
 * answers with fixed, pre-encoded Lark envelopes. It parses only what it must (request line, Content-Length, chunked
 * bodies, Connection: close), so one or two selector threads outrun any client on this machine; the raw-socket
 * figure is the proof. Bodies are read and discarded; big downloads are written from one shared buffer.
 */
public final class StubLarkServer implements AutoCloseable {

    static final String TENANT_TOKEN = "t-bench-tenant-token-0123456789abcdef";
    static final String MESSAGE_ID = "om_dc13264520392913993dd051dba21dcf";
    static final String FILE_KEY = "file_v3_00bench_2c7d1b34-93c5-4bd1-8b6c-bench0000001";
    static final String THREAD_NAME_PREFIX = "stub-lark-";
    static final String EVENTS_PATH = "/lark/events";
    static final String LOG_ID = "20240601000000BENCH0000000000";

    /** Reply bodies shared with {@link TlsStubServer}, so both stubs answer with the same bytes. */
    static final byte[] MESSAGE_REPLY = ("{\"code\":0,\"msg\":\"success\",\"data\":{"
            + "\"message_id\":\"" + MESSAGE_ID + "\",\"root_id\":\"\",\"parent_id\":\"\",\"thread_id\":\"\","
            + "\"msg_type\":\"text\",\"create_time\":\"1718000000123\",\"update_time\":\"1718000000123\","
            + "\"deleted\":false,\"updated\":false,\"chat_id\":\"oc_e95ed74912d3622abf838974fe095a48\","
            + "\"sender\":{\"id\":\"cli_a1b2c3d4e5f60718\",\"id_type\":\"app_id\",\"sender_type\":\"app\","
            + "\"tenant_key\":\"2ca1d211f64f6438\"},\"body\":{\"content\":\"{\\\"text\\\":\\\"hello from the benchmark\\\"}\"},"
            + "\"mentions\":[],\"upper_message_id\":\"\"}}").getBytes(StandardCharsets.UTF_8);
    static final byte[] TOKEN_REPLY = ("{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"" + TENANT_TOKEN
            + "\",\"app_access_token\":\"a-bench-app-token\",\"expire\":7200}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] UPLOAD_REPLY = ("{\"code\":0,\"msg\":\"success\",\"data\":{\"file_key\":\"" + FILE_KEY
            + "\",\"image_key\":\"img_v3_bench\"}}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] EVENT_ACK_REPLY = "{\"msg\":\"success\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_FOUND_REPLY = "{\"code\":1,\"msg\":\"the benchmark stub has no such API\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final int HEAD_LIMIT = 32 * 1024;

    /** Requests served, by what was asked. */
    public final LongAdder tokenRequests = new LongAdder();
    public final LongAdder messageRequests = new LongAdder();
    public final LongAdder uploadRequests = new LongAdder();
    public final LongAdder downloadRequests = new LongAdder();
    public final LongAdder bodyBytesReceived = new LongAdder();
    public final LongAdder connectionsAccepted = new LongAdder();

    private final ByteBuffer tokenResponse = response(200, "application/json; charset=utf-8", TOKEN_REPLY);
    private final ByteBuffer messageResponse = response(200, "application/json; charset=utf-8", MESSAGE_REPLY);
    private final ByteBuffer uploadResponse = response(200, "application/json; charset=utf-8", UPLOAD_REPLY);
    private final ByteBuffer eventAckResponse = response(200, "application/json; charset=utf-8", EVENT_ACK_REPLY);
    private final ByteBuffer notFoundResponse = response(404, "application/json; charset=utf-8", NOT_FOUND_REPLY);
    private final ByteBuffer filler;
    private final List<Worker> workers = new ArrayList<>();
    private final ServerSocketChannel server;
    private final AtomicInteger nextWorker = new AtomicInteger();
    private volatile long downloadSize = 1024 * 1024;
    private volatile byte[] wsEndpointReply = NOT_FOUND_REPLY;
    private volatile boolean closed;

    /** Binds 127.0.0.1 on a free port and starts {@code threads} selector threads (the first one also accepts). */
    public StubLarkServer(int threads) throws IOException {
        byte[] pattern = new byte[256 * 1024];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) ('a' + i % 26);
        }
        filler = ByteBuffer.allocateDirect(pattern.length).put(pattern).flip().asReadOnlyBuffer();
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.configureBlocking(false);
        for (int i = 0; i < threads; i++) {
            workers.add(new Worker(Selector.open()));
        }
        server.register(workers.get(0).selector, SelectionKey.OP_ACCEPT);
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(workers.get(i), THREAD_NAME_PREFIX + i);
            thread.setDaemon(true);
            thread.start();
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.socket().getLocalPort());
    }

    /** Size of every binary download (files, message resources). */
    public void downloadSize(long bytes) {
        this.downloadSize = bytes;
    }

    /** What {@code POST /callback/ws/endpoint} hands out: the long-connection URL the clients dial. */
    public void webSocketUrl(String url) {
        wsEndpointReply = ("{\"code\":0,\"msg\":\"ok\",\"data\":{\"URL\":\"" + url + "\",\"ClientConfig\":{"
                + "\"ReconnectCount\":-1,\"ReconnectInterval\":120,\"ReconnectNonce\":30,\"PingInterval\":120}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    public long requests() {
        return tokenRequests.sum() + messageRequests.sum() + uploadRequests.sum() + downloadRequests.sum();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        for (Worker worker : workers) {
            worker.selector.wakeup();
        }
        server.close();
    }

    private static ByteBuffer response(int status, String contentType, byte[] body) {
        byte[] head = head(status, contentType, body.length);
        return ByteBuffer.allocateDirect(head.length + body.length).put(head).put(body).flip().asReadOnlyBuffer();
    }

    private static byte[] head(int status, String contentType, long length) {
        String reason = status == 200 ? "OK" : "Not Found";
        return ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                + "\r\nX-Tt-Logid: " + LOG_ID + "\r\n"
                + (contentType.startsWith("application/octet-stream")
                        ? "Content-Disposition: attachment; filename=\"big.bin\"\r\n" : "")
                + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** What to send back for one request: the bytes, then {@code filler} more bytes from the shared pattern. */
    private void answer(Connection connection, String method, String target) {
        String path = target.indexOf('?') >= 0 ? target.substring(0, target.indexOf('?')) : target;
        if ("POST".equals(method) && path.equals("/open-apis/im/v1/messages")) {
            messageRequests.increment();
            connection.queue(messageResponse.duplicate(), 0);
        } else if ("POST".equals(method) && path.startsWith("/open-apis/auth/v3/")) {
            tokenRequests.increment();
            connection.queue(tokenResponse.duplicate(), 0);
        } else if ("POST".equals(method) && (path.equals("/open-apis/im/v1/files") || path.equals("/open-apis/im/v1/images"))) {
            uploadRequests.increment();
            connection.queue(uploadResponse.duplicate(), 0);
        } else if ("GET".equals(method) && (path.startsWith("/open-apis/im/v1/files/") || path.contains("/resources/")
                || path.startsWith("/open-apis/im/v1/images/"))) {
            downloadRequests.increment();
            long size = downloadSize;
            connection.queue(ByteBuffer.wrap(head(200, "application/octet-stream", size)), size);
        } else if ("POST".equals(method) && path.equals(EVENTS_PATH)) {
            // the webhook load generator's ceiling: an event receiver that does nothing
            connection.queue(eventAckResponse.duplicate(), 0);
        } else if ("POST".equals(method) && path.equals("/callback/ws/endpoint")) {
            connection.queue(response(200, "application/json; charset=utf-8", wsEndpointReply), 0);
        } else {
            connection.queue(notFoundResponse.duplicate(), 0);
        }
    }

    private final class Worker implements Runnable {
        final Selector selector;
        final Queue<SocketChannel> handedOver = new ConcurrentLinkedQueue<>();

        Worker(Selector selector) {
            this.selector = selector;
        }

        @Override
        public void run() {
            try {
                while (!closed) {
                    selector.select();
                    SocketChannel fresh;
                    while ((fresh = handedOver.poll()) != null) {
                        fresh.register(selector, SelectionKey.OP_READ, new Connection(fresh));
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        handle(key);
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("stub server selector failed", e);
                }
            } finally {
                for (SelectionKey key : selector.keys()) {
                    closeQuietly(key);
                }
                try {
                    selector.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }

        private void handle(SelectionKey key) {
            try {
                if (!key.isValid()) {
                    return;
                }
                if (key.isAcceptable()) {
                    accept();
                    return;
                }
                Connection connection = (Connection) key.attachment();
                if (key.isWritable()) {
                    connection.flush(key);
                }
                if (key.isValid() && key.isReadable()) {
                    connection.read(key);
                }
            } catch (IOException | RuntimeException e) {
                closeQuietly(key);
            }
        }

        private void accept() throws IOException {
            SocketChannel channel;
            while ((channel = server.accept()) != null) {
                connectionsAccepted.increment();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Worker target = workers.get(Math.floorMod(nextWorker.getAndIncrement(), workers.size()));
                if (target == this) {
                    channel.register(selector, SelectionKey.OP_READ, new Connection(channel));
                } else {
                    target.handedOver.add(channel);
                    target.selector.wakeup();
                }
            }
        }
    }

    private static void closeQuietly(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // the peer is gone
        }
    }

    private enum State {
        HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER
    }

    /** One keep-alive connection: parses requests as they come (pipelining included) and writes answers in order. */
    private final class Connection {
        final SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(HEAD_LIMIT);
        final Deque<ByteBuffer> out = new ArrayDeque<>();
        final Deque<Long> fillers = new ArrayDeque<>();
        State state = State.HEAD;
        long bodyRemaining;
        String method;
        String target;
        boolean closeAfter;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void queue(ByteBuffer head, long fillerBytes) {
            out.add(head);
            fillers.add(fillerBytes);
        }

        void read(SelectionKey key) throws IOException {
            int n = channel.read(in);
            if (n < 0) {
                closeQuietly(key);
                return;
            }
            in.flip();
            parse();
            in.compact();
            if (state == State.HEAD && !in.hasRemaining()) {
                throw new IOException("request head over " + HEAD_LIMIT + " bytes");
            }
            flush(key);
        }

        private void parse() {
            while (in.hasRemaining()) {
                switch (state) {
                    case HEAD:
                        if (!readHead()) {
                            return;
                        }
                        break;
                    case BODY:
                        skipBody();
                        break;
                    case CHUNK_SIZE:
                        String line = readLine();
                        if (line == null) {
                            return;
                        }
                        int semicolon = line.indexOf(';');
                        long size = Long.parseLong((semicolon >= 0 ? line.substring(0, semicolon) : line).trim(), 16);
                        if (size == 0) {
                            state = State.TRAILER;
                        } else {
                            bodyRemaining = size;
                            state = State.CHUNK_DATA;
                        }
                        break;
                    case CHUNK_DATA:
                        skipBody();
                        break;
                    case CHUNK_END:
                        if (readLine() == null) {
                            return;
                        }
                        state = State.CHUNK_SIZE;
                        break;
                    case TRAILER:
                        String trailer = readLine();
                        if (trailer == null) {
                            return;
                        }
                        if (trailer.isEmpty()) {
                            complete();
                        }
                        break;
                    default:
                        throw new IllegalStateException(state.name());
                }
            }
        }

        private void skipBody() {
            int take = (int) Math.min(bodyRemaining, in.remaining());
            in.position(in.position() + take);
            bodyRemaining -= take;
            bodyBytesReceived.add(take);
            if (bodyRemaining == 0) {
                if (state == State.CHUNK_DATA) {
                    state = State.CHUNK_END;
                } else {
                    complete();
                }
            }
        }

        /** A CRLF-terminated line, or null (position unchanged) when it has not fully arrived. */
        private String readLine() {
            int start = in.position();
            for (int i = start; i + 1 < in.limit(); i++) {
                if (in.get(i) == '\r' && in.get(i + 1) == '\n') {
                    byte[] bytes = new byte[i - start];
                    in.get(bytes);
                    in.position(i + 2);
                    return new String(bytes, StandardCharsets.ISO_8859_1);
                }
            }
            return null;
        }

        private boolean readHead() {
            int start = in.position();
            int end = -1;
            for (int i = start; i + 3 < in.limit(); i++) {
                if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                return false;
            }
            byte[] bytes = new byte[end - start];
            in.get(bytes);
            in.position(end + 4);
            String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n");
            String[] requestLine = lines[0].split(" ");
            method = requestLine[0];
            target = requestLine.length > 1 ? requestLine[1] : "/";
            long length = 0;
            boolean chunked = false;
            closeAfter = false;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                switch (name) {
                    case "content-length":
                        length = Long.parseLong(value);
                        break;
                    case "transfer-encoding":
                        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                        break;
                    case "connection":
                        closeAfter = value.toLowerCase(Locale.ROOT).contains("close");
                        break;
                    case "expect":
                        out.add(ByteBuffer.wrap("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
                        fillers.add(0L);
                        break;
                    default:
                        break;
                }
            }
            if (chunked) {
                state = State.CHUNK_SIZE;
            } else {
                bodyRemaining = length;
                state = State.BODY;
                if (length == 0) {
                    complete();
                }
            }
            return true;
        }

        private void complete() {
            answer(this, method, target);
            state = State.HEAD;
        }

        void flush(SelectionKey key) throws IOException {
            while (!out.isEmpty()) {
                ByteBuffer head = out.peek();
                if (head.hasRemaining()) {
                    channel.write(head);
                    if (head.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                        return;
                    }
                }
                long remaining = fillers.peek();
                while (remaining > 0) {
                    ByteBuffer chunk = filler.duplicate();
                    chunk.limit((int) Math.min(chunk.capacity(), remaining));
                    int written = channel.write(chunk);
                    remaining -= written;
                    if (chunk.hasRemaining()) {
                        fillers.pop();
                        fillers.push(remaining);
                        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                        return;
                    }
                }
                out.pop();
                fillers.pop();
            }
            key.interestOps(SelectionKey.OP_READ);
            if (closeAfter && state == State.HEAD) {
                closeQuietly(key);
            }
        }
    }
}
