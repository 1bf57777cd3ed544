package io.github.camellark.lark.event.webhook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camellark.lark.support.WebhookTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With default settings (maxEventBodySize 1 MiB, Camel's Vert.x HTTP platform without camel.server.max-body-size), an
 * unauthenticated 9 MiB body is refused before it is read: the 413 reaches a sender that paused after 2 MiB, long
 * before the platform would have had the whole body.
 */
class WebhookBodyLimitTest extends WebhookTestSupport {

    private static final int NINE_MIB = 9 * 1024 * 1024;
    private static final int TWO_MIB = 2 * 1024 * 1024;

    private final CountDownLatch senderResumes = new CountDownLatch(1);

    @Override
    protected RouteBuilder createRouteBuilder() {
        withEventSecrets(context);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("lark:events?transport=webhook").to("mock:events");
            }
        };
    }

    @Test
    void nineMebibyteBodyIsRefusedWhileItsSenderPausesAfterTwo() throws Exception {
        String headers = "POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                         + "Content-Length: " + NINE_MIB + "\r\n\r\n";

        assertThat(statusWhilePaused(headers, false)).startsWith("HTTP/1.1 413");
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isZero();
    }

    @Test
    void chunkedBodyIsRefusedOnceItPassesTheLimitWhileItsSenderPauses() throws Exception {
        String headers = "POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                         + "Transfer-Encoding: chunked\r\n\r\n";

        assertThat(statusWhilePaused(headers, true)).startsWith("HTTP/1.1 413");
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isZero();
    }

    /** Sends the headers and 2 MiB of body, pauses (the rest never comes), and reads the status line meanwhile. */
    private String statusWhilePaused(String headers, boolean chunked) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            CountDownLatch pausing = new CountDownLatch(1);
            Thread sender = new Thread(() -> send(socket, headers, chunked, pausing), "paused-sender");
            sender.start();
            try {
                assertThat(pausing.await(15, TimeUnit.SECONDS)).as("2 MiB sent").isTrue();
                BufferedReader response = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                return response.readLine();
            } finally {
                senderResumes.countDown();
                sender.join(5_000);
            }
        }
    }

    private void send(Socket socket, String headers, boolean chunked, CountDownLatch pausing) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(headers.getBytes(StandardCharsets.US_ASCII));
            byte[] piece = new byte[64 * 1024];
            java.util.Arrays.fill(piece, (byte) 'x');
            for (int sent = 0; sent < TWO_MIB; sent += piece.length) {
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
        pausing.countDown();
        try {
            senderResumes.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
