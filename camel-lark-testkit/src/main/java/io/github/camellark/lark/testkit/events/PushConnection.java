package io.github.camellark.lark.testkit.events;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLSocketFactory;

/**
 * One webhook push as a hand-written HTTP/1.1 request, so that it carries exactly the headers Lark sends and none a
 * Java HTTP client adds on its own ({@code HttpURLConnection} always adds {@code User-Agent: Java/17},
 * {@code Accept: text/html, image/gif, …} and, without caches, {@code Pragma}/{@code Cache-Control: no-cache}).
 * On the wire: the request line, {@code Host}, the given headers, {@code Content-Length}, the body. The socket is
 * closed after the answer (no {@code Connection} header: HTTP/1.1's default, as a plain client sends it).
 * <p>
 * {@link #abort()} closes the socket from another thread, which ends a blocked read: that is how the pusher's close
 * cancels requests in flight.
 */
final class PushConnection {

    /** The status and body of an answer; the body is cut at {@code maxBody} bytes. */
    record Answer(int status, String body) {
    }

    private final Socket socket;

    PushConnection(URI url) throws IOException {
        // never through a system proxy: the app under test is local
        this.socket = "https".equalsIgnoreCase(url.getScheme())
                ? SSLSocketFactory.getDefault().createSocket()
                : new Socket(Proxy.NO_PROXY);
    }

    /** Closes the socket; a request blocked on it fails with an I/O error. */
    void abort() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    /** Sends the request and reads the answer; {@code timeoutMillis} bounds the connect and every read. */
    Answer post(URI url, Map<String, String> headers, byte[] body, int timeoutMillis, int maxBody) throws IOException {
        try (socket) {
            int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
            socket.connect(new InetSocketAddress(url.getHost(), port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.setTcpNoDelay(true);
            String target = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                    + (url.getRawQuery() != null ? "?" + url.getRawQuery() : "");
            StringBuilder head = new StringBuilder("POST ").append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(url.getHost()).append(url.getPort() >= 0 ? ":" + url.getPort() : "").append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
            byte[] request = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            out.write(request); // one write: headers and body leave together, no Nagle/delayed-ACK stall
            out.flush();
            return readAnswer(new BufferedInputStream(socket.getInputStream()), maxBody);
        }
    }

    private static Answer readAnswer(InputStream in, int maxBody) throws IOException {
        while (true) {
            String statusLine = readLine(in);
            String[] status = statusLine.split(" ", 3);
            if (status.length < 2 || !status[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int code = Integer.parseInt(status[1]);
            long length = -1;
            boolean chunked = false;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                String name = colon < 0 ? line : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = colon < 0 ? "" : line.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                    chunked = true;
                }
            }
            if (code >= 100 && code < 200) {
                continue; // 100 Continue and friends: the real answer follows
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (code == 204 || code == 304) {
                return new Answer(code, ""); // no body by definition
            }
            if (chunked) {
                for (long size = chunkSize(readLine(in)); size > 0; size = chunkSize(readLine(in))) {
                    copy(in, answer, size, maxBody);
                    readLine(in);
                }
            } else {
                copy(in, answer, length < 0 ? Long.MAX_VALUE : length, maxBody);
            }
            return new Answer(code, answer.toString(StandardCharsets.UTF_8));
        }
    }

    private static long chunkSize(String line) {
        int extension = line.indexOf(';');
        return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    /** Reads up to {@code length} bytes (to the end of the stream when unknown), keeping at most {@code maxBody}. */
    private static void copy(InputStream in, ByteArrayOutputStream into, long length, int maxBody) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                if (length != Long.MAX_VALUE) {
                    throw new IOException("answer ended early");
                }
                return;
            }
            into.write(buffer, 0, Math.max(0, Math.min(read, maxBody - into.size())));
            left -= read;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed before the answer was complete");
            }
            if (b != '\r') {
                line.write(b);
            }
            if (line.size() > 16 * 1024) {
                throw new IOException("answer header line too long");
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
