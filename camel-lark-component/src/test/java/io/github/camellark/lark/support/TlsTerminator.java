package io.github.camellark.lark.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;

/**
 * A TLS front on 127.0.0.1 for a plain server (the simulator): accepts TLS with the given certificate and pipes the
 * decrypted bytes both ways, as a load balancer terminating TLS would. Daemon threads, closed with it.
 */
public final class TlsTerminator implements AutoCloseable {

    private final ServerSocket server;
    private final int upstreamPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public TlsTerminator(SSLContext context, int upstreamPort) throws IOException {
        this.server = context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        Pipes.daemon(this::accept, "test-tls-accept");
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                sockets.add(client);
                sockets.add(upstream);
                Pipes.daemon(() -> Pipes.pipe(client, upstream), "test-tls-in");
                Pipes.daemon(() -> Pipes.pipe(upstream, client), "test-tls-out");
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(Pipes::closeQuietly);
    }
}
