package io.github.camellark.lark.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** What the test's TCP middlemen (a proxy, a TLS terminator) share: copying bytes between sockets on daemon threads. */
final class Pipes {

    private Pipes() {
    }

    /** Copies {@code from} to {@code to} until either side ends, then closes both. */
    static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[16384];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // either side went away: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
