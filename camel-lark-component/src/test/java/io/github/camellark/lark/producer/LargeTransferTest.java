package io.github.camellark.lark.producer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.support.GeneratedBytes;
import io.github.camellark.lark.support.HeapProbe;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.FileUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads and downloads of the largest sizes Lark allows never hold the file in the heap. A small JDK HTTP server on
 * 127.0.0.1 plays Lark (WireMock would keep every request body in its journal, in this same heap): it checks the bytes
 * as they stream past and measures the test JVM's live heap in the middle of each transfer.
 */
class LargeTransferTest extends CamelTestSupport {

    private static final long MB = 1024L * 1024L;
    private static final long UPLOAD_SIZE = 30 * MB;
    private static final long DOWNLOAD_SIZE = 100 * MB;
    /** Far below the sizes moved: a transfer held in memory would show 20 MB or more. */
    private static final long HEAP_GROWTH_BOUND = 8 * MB;
    private static final Path WORK = Path.of("target", "large-transfer");

    private HttpServer server;
    private final AtomicLong heapDuringTransfer = new AtomicLong(-1);
    private final AtomicReference<String> uploadHead = new AtomicReference<>();
    private final AtomicLong uploadedBytes = new AtomicLong();
    private final AtomicReference<CRC32> uploadedCrc = new AtomicReference<>();
    private final AtomicReference<String> uploadTail = new AtomicReference<>();

    @BeforeEach
    void startServer() throws IOException {
        Files.createDirectories(WORK);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        FileUtil.removeDir(WORK.toFile());
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/open-apis/auth/v3/tenant_access_token/internal",
                http -> reply(http, "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-large\",\"expire\":7200}"));
        server.createContext("/open-apis/im/v1/files", this::serve);
        server.start();
        CamelContext context = super.createCamelContext();
        LarkComponent lark = context.getComponent("lark", LarkComponent.class);
        lark.getConfiguration().setBaseUri("http://127.0.0.1:" + server.getAddress().getPort());
        lark.getConfiguration().setAppId("cli_large");
        lark.getConfiguration().setAppSecret("large-secret");
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:download").to("lark:file?operation=download&fileKey=file_big")
                        .to("file:" + WORK + "?fileName=downloaded.bin");
            }
        };
    }

    @Test
    void thirtyMegabyteStreamIsUploadedWithoutHoldingIt() {
        GeneratedBytes stream = new GeneratedBytes(UPLOAD_SIZE);
        long before = HeapProbe.usedAfterGc();

        Exchange result = template.send("lark:file?fileName=big.bin", e -> e.getMessage().setBody(stream));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LarkConstants.FILE_KEY)).isEqualTo("file_big");
        assertThat(stream.bytesRead()).isEqualTo(UPLOAD_SIZE);
        assertUploadedIntact();
        assertThat(heapDuringTransfer.get()).as("heap measured mid-transfer").isPositive();
        assertThat(heapDuringTransfer.get() - before).as("heap growth in the middle of the upload").isLessThan(HEAP_GROWTH_BOUND);
    }

    @Test
    void thirtyMegabyteFileIsUploadedWithoutHoldingIt() throws IOException {
        Path file = WORK.resolve("big.bin");
        try (InputStream in = new GeneratedBytes(UPLOAD_SIZE)) {
            Files.copy(in, file);
        }
        long before = HeapProbe.usedAfterGc();

        Exchange result = template.send("lark:file", e -> e.getMessage().setBody(file));

        assertThat(result.getException()).isNull();
        assertUploadedIntact();
        assertThat(heapDuringTransfer.get()).as("heap measured mid-transfer").isPositive();
        assertThat(heapDuringTransfer.get() - before).as("heap growth in the middle of the upload").isLessThan(HEAP_GROWTH_BOUND);
    }

    @Test
    void hundredMegabyteDownloadIsCopiedToAFileWithoutHoldingIt() throws IOException {
        long before = HeapProbe.usedAfterGc();

        Exchange result = template.send("direct:download", e -> {
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LarkConstants.FILE_NAME)).isEqualTo("big.bin");
        Path copy = WORK.resolve("downloaded.bin");
        assertThat(Files.size(copy)).isEqualTo(DOWNLOAD_SIZE);
        assertThat(crcOfFile(copy)).isEqualTo(GeneratedBytes.crcOf(DOWNLOAD_SIZE).getValue());
        assertThat(heapDuringTransfer.get()).as("heap measured mid-transfer").isPositive();
        assertThat(heapDuringTransfer.get() - before).as("heap growth in the middle of the download").isLessThan(HEAP_GROWTH_BOUND);
    }

    private void assertUploadedIntact() {
        assertThat(uploadHead.get()).contains("name=\"file_type\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nstream\r\n")
                .contains("name=\"file_name\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nbig.bin\r\n")
                .contains("name=\"file\"; filename=\"big.bin\"");
        byte[] tail = uploadTail.get().getBytes(StandardCharsets.US_ASCII);
        assertThat(uploadedBytes.get()).isEqualTo(UPLOAD_SIZE + tail.length);
        CRC32 expected = GeneratedBytes.crcOf(UPLOAD_SIZE);
        expected.update(tail);
        assertThat(uploadedCrc.get().getValue()).as("CRC of the file bytes and the closing boundary").isEqualTo(expected.getValue());
    }

    private void serve(HttpExchange http) throws IOException {
        if ("POST".equals(http.getRequestMethod())) {
            receiveUpload(http);
        } else {
            sendDownload(http);
        }
    }

    /** Reads the part headers, then streams the rest through a CRC, measuring the heap once 20 MB have passed. */
    private void receiveUpload(HttpExchange http) throws IOException {
        String contentType = http.getRequestHeaders().getFirst("Content-Type");
        uploadTail.set("\r\n--" + contentType.substring(contentType.indexOf("boundary=") + 9) + "--\r\n");
        InputStream in = http.getRequestBody();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!(head.toString(StandardCharsets.UTF_8).contains("name=\"file\"") && head.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\n"))) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("no file part");
            }
            head.write(b);
        }
        uploadHead.set(head.toString(StandardCharsets.UTF_8));
        CRC32 crc = new CRC32();
        byte[] chunk = new byte[64 * 1024];
        long count = 0;
        for (int n; (n = in.read(chunk)) >= 0;) {
            crc.update(chunk, 0, n);
            count += n;
            if (count >= 20 * MB && heapDuringTransfer.get() < 0) {
                heapDuringTransfer.set(HeapProbe.usedAfterGc());
            }
        }
        uploadedBytes.set(count);
        uploadedCrc.set(crc);
        reply(http, "{\"code\":0,\"msg\":\"success\",\"data\":{\"file_key\":\"file_big\"}}");
    }

    private void sendDownload(HttpExchange http) throws IOException {
        http.getResponseHeaders().add("Content-Type", "application/octet-stream");
        http.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"big.bin\"");
        http.sendResponseHeaders(200, DOWNLOAD_SIZE);
        try (OutputStream out = http.getResponseBody(); InputStream generated = new GeneratedBytes(DOWNLOAD_SIZE)) {
            byte[] chunk = new byte[64 * 1024];
            long written = 0;
            for (int n; (n = generated.read(chunk)) >= 0;) {
                out.write(chunk, 0, n);
                written += n;
                if (written >= 90 * MB && heapDuringTransfer.get() < 0) {
                    heapDuringTransfer.set(HeapProbe.usedAfterGc());
                }
            }
        }
    }

    private static void reply(HttpExchange http, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        http.sendResponseHeaders(200, body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }

    private static long crcOfFile(Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[64 * 1024];
            for (int n; (n = in.read(chunk)) >= 0;) {
                crc.update(chunk, 0, n);
            }
        }
        return crc.getValue();
    }
}
