package io.github.camellark.lark.testkit.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Checks that a webhook refuses an oversized body before reading it: announces a large body (by {@code Content-Length}
 * or chunked), sends only the first part, pauses, and reads the status line during the pause. A server that waits for
 * the whole body never answers during the pause, and the probe reports a timeout instead of a status.
 */
public final class OversizedBodyProbe {

    private static final int PIECE = 64 * 1024;

    private final URI url;
    private final long declaredBytes;
    private final int sentBytes;
    private final boolean chunked;

    private OversizedBodyProbe(URI url, long declaredBytes, int sentBytes, boolean chunked) {
        this.url = url;
        this.declaredBytes = declaredBytes;
        this.sentBytes = sentBytes;
        this.chunked = chunked;
    }

    /** A body of {@code declaredBytes} announced by Content-Length, of which only {@code sentBytes} are sent. */
    public static OversizedBodyProbe withContentLength(URI url, long declaredBytes, int sentBytes) {
        return new OversizedBodyProbe(url, declaredBytes, sentBytes, false);
    }

    /** A chunked body with no length announced, of which {@code sentBytes} are sent before the pause. */
    public static OversizedBodyProbe chunked(URI url, int sentBytes) {
        return new OversizedBodyProbe(url, -1, sentBytes, true);
    }

    /**
     * Sends the headers and the first part of the body, then pauses while reading the answer.
     *
     * @param  pause how long the sender pauses (and the answer is waited for)
     * @return       the status line that arrived during the pause, or "no answer during the pause"
     */
    public String statusLineDuringPause(long pause, TimeUnit unit) {
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        int port = url.getPort() == -1 ? 80 : url.getPort();
        try (Socket socket = new Socket(url.getHost(), port)) {
            socket.setSoTimeout((int) unit.toMillis(pause));
            Thread sender = new Thread(() -> send(socket, paused, resume), "oversized-body-sender");
            sender.setDaemon(true);
            sender.start();
            try {
                if (!paused.await(pause, unit)) {
                    return "no answer during the pause: the first " + sentBytes + " bytes could not be sent";
                }
                BufferedReader answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                String status = answer.readLine();
                return status == null ? "connection closed without an answer" : status;
            } catch (java.net.SocketTimeoutException e) {
                return "no answer during the pause";
            } finally {
                resume.countDown();
                sender.join(5_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void send(Socket socket, CountDownLatch paused, CountDownLatch resume) {
        try {
            OutputStream out = socket.getOutputStream();
            String length = chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + declaredBytes;
            out.write(("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\nContent-Type: application/json\r\n"
                       + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] piece = new byte[PIECE];
            Arrays.fill(piece, (byte) 'x');
            for (int sent = 0; sent < sentBytes; sent += piece.length) {
                if (chunked) {
                    out.write((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(piece);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            out.flush();
        } catch (IOException e) {
            // the server may stop reading once it has refused: the pause starts here then
        }
        paused.countDown();
        try {
            resume.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
