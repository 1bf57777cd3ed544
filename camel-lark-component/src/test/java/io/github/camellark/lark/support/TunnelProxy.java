package io.github.camellark.lark.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal HTTP proxy on 127.0.0.1 for the proxy test: tunnels {@code CONNECT} (what the JDK uses for WebSockets and
 * https) and forwards one absolute-form request per connection (marked {@code Connection: close}, so the JDK does not
 * reuse it for the WebSocket upgrade). Records the request lines it saw. Daemon threads, closed with it.
 */
public final class TunnelProxy implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public TunnelProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Pipes.daemon(this::accept, "test-proxy-accept");
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Pipes.daemon(() -> serve(client), "test-proxy-conn");
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            String requestLine = head.substring(0, head.indexOf("\r\n"));
            requestLines.add(requestLine);
            String[] parts = requestLine.split(" ");
            Socket upstream;
            if ("CONNECT".equals(parts[0])) {
                String[] hostPort = parts[1].split(":");
                upstream = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                URI target = URI.create(parts[1]);
                upstream = new Socket(target.getHost(), target.getPort());
                String originForm = parts[0] + " " + target.getRawPath() + (target.getRawQuery() == null ? "" : "?"
                        + target.getRawQuery()) + " " + parts[2];
                // one request per proxy connection, so the next request (the WebSocket upgrade) opens a new one
                String headers = head.substring(requestLine.length()).replaceAll("(?im)^Connection:.*\r\n", "");
                upstream.getOutputStream().write((originForm + "\r\nConnection: close" + headers)
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            sockets.add(upstream);
            Pipes.daemon(() -> Pipes.pipe(upstream, client), "test-proxy-down");
            Pipes.pipe(client, upstream);
        } catch (IOException | RuntimeException e) {
            Pipes.closeQuietly(client);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the request head ended");
            }
            head.write(b);
            matched = (b == '\r' || b == '\n') && (matched % 2 == 0) == (b == '\r') ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(Pipes::closeQuietly);
    }
}
