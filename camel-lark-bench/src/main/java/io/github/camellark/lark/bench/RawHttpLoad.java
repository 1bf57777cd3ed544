package io.github.camellark.lark.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A load generator that costs next to nothing per request, so it is never what a receiver is measured at: every
 * request is encoded to bytes before the clock starts, and {@code window} threads each keep one HTTP/1.1 keep-alive
 * socket (TLS for an https URL) with one request in flight (write, read the status and skip the body, repeat).
 */
final class RawHttpLoad {

    static final String THREAD_NAME = "bench-raw-load";

    /** One request ready to write: its bytes and nothing else to do. */
    record Encoded(byte[] bytes) {
    }

    static List<Encoded> encode(URI url, List<EventPayloads.SignedRequest> requests) {
        List<Encoded> encoded = new ArrayList<>(requests.size());
        for (EventPayloads.SignedRequest request : requests) {
            encoded.add(encode(url, request.body(), request.headers()));
        }
        return encoded;
    }

    static Encoded encode(URI url, byte[] body, Map<String, String> headers) {
        StringBuilder head = new StringBuilder().append("POST ").append(url.getRawPath())
                .append(url.getRawQuery() == null ? "" : "?" + url.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getHost()).append(':').append(url.getPort()).append("\r\n")
                .append("Content-Type: application/json; charset=utf-8\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
        System.arraycopy(body, 0, bytes, headBytes.length, body.length);
        return new Encoded(bytes);
    }

    EventRun run(String receiver, URI url, List<Encoded> requests, int window, LongSupplier routed) throws InterruptedException {
        int count = requests.size();
        Latencies latencies = new Latencies(count);
        AtomicLong errors = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(window);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(window);
        for (int t = 0; t < window; t++) {
            Thread thread = new Thread(() -> {
                Connection connection = null;
                try {
                    connection = new Connection(url);
                    ready.countDown();
                    go.await();
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        long sent = System.nanoTime();
                        int status;
                        try {
                            status = connection.exchange(requests.get(i).bytes());
                        } catch (IOException e) {
                            status = -1;
                        }
                        latencies.record(System.nanoTime() - sent);
                        if (status != 200 && errors.incrementAndGet() == 1) {
                            System.err.println(receiver + ": first failure: HTTP " + status);
                        }
                        if (status != 200) {
                            connection.close();
                            connection = new Connection(url);
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                    System.err.println(receiver + ": connection failed: " + e);
                    ready.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (connection != null) {
                        connection.close();
                    }
                    finished.countDown();
                }
            }, THREAD_NAME);
            thread.setDaemon(true);
            thread.start();
        }
        ready.await();
        long routedBefore = routed.getAsLong();
        long start = System.nanoTime();
        go.countDown();
        if (!finished.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(receiver + " did not answer " + count + " requests in 5 min");
        }
        long nanos = System.nanoTime() - start;
        return EventRun.of(receiver, "webhook", window, count, nanos, latencies, errors.get(), routed.getAsLong() - routedBefore);
    }

    /** One keep-alive socket with its buffered reader. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        /** Plain TCP, or TLS over it for an https URL (trusting what the JVM's default trust store trusts). */
        Connection(URI url) throws IOException {
            Socket tcp = new Socket();
            tcp.setTcpNoDelay(true);
            tcp.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5000);
            tcp.setSoTimeout(30_000);
            if ("https".equals(url.getScheme())) {
                SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(tcp, url.getHost(), url.getPort(), true);
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                socket = tls;
            } else {
                socket = tcp;
            }
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        /** Writes one request and reads its response, skipping the body; 0 when the server closes after it. */
        int exchange(byte[] request) throws IOException {
            out.write(request);
            String statusLine = line();
            if (statusLine == null) {
                throw new IOException("connection closed");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            String header;
            while ((header = line()) != null && !header.isEmpty()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(header.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                long size;
                while ((size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0) {
                    skip(size);
                    line();
                }
                while ((header = line()) != null && !header.isEmpty()) {
                    continue; // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            return close ? 0 : status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
            return line.length() == 0 ? null : line.toString();
        }

        private void skip(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("body cut short");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // done with it
            }
        }
    }
}
