package io.github.camellark.lark.testkit;

import io.github.camellark.lark.testkit.state.StoredResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UploadsTest {

    private static final int MB = 1024 * 1024;
    private static LarkSimulator sim;
    private static RawLark lark;

    @BeforeAll
    static void start() {
        sim = LarkSimulator.start();
        lark = new RawLark(sim).authenticated();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void anImageIsStoredAndDownloadsByteIdentical() {
        byte[] png = TestImages.png(32);

        RawLark.Reply upload = lark.multipart("/open-apis/im/v1/images", Map.of("image_type", "message"), "image", "chart.png", png);
        String key = upload.data().path("image_key").asText();
        RawLark.Reply download = lark.get("/open-apis/im/v1/images/" + key);

        assertThat(upload.code()).isZero();
        assertThat(key).startsWith("img_v3_");
        assertThat(download.bytes()).isEqualTo(png);
        assertThat(download.header("Content-Type")).isEqualTo("image/png");
        assertThat(download.header("Content-Disposition")).contains(key + ".png");
    }

    @Test
    void fileFieldsAreFilesEvenWithoutAFileName() {
        byte[] png = TestImages.png(8);
        byte[] pdf = "%PDF-1.4 no name".getBytes(StandardCharsets.UTF_8);

        RawLark.Reply image = lark.multipart("/open-apis/im/v1/images", Map.of("image_type", "message"), "image", null, png);
        RawLark.Reply file = lark.multipart("/open-apis/im/v1/files", Map.of("file_type", "pdf", "file_name", "a.pdf"), "file", null, pdf);

        assertThat(image.code()).isZero();
        assertThat(lark.get("/open-apis/im/v1/images/" + image.data().path("image_key").asText()).bytes()).isEqualTo(png);
        assertThat(file.code()).isZero();
        assertThat(lark.get("/open-apis/im/v1/files/" + file.data().path("file_key").asText()).bytes()).isEqualTo(pdf);
    }

    @Test
    void imagesMustBeRealNonEmptyAndAtMost10Mb() {
        assertThat(lark.multipart("/open-apis/im/v1/images", Map.of("image_type", "message"), "image", "x.png", new byte[0]).code())
                .isEqualTo(234010);
        assertThat(lark.multipart("/open-apis/im/v1/images", Map.of("image_type", "message"), "image", "x.txt",
                "not an image".getBytes(StandardCharsets.UTF_8)).code()).isEqualTo(234011);
        assertThat(lark.multipart("/open-apis/im/v1/images", Map.of("image_type", "banner"), "image", "x.png", TestImages.png(4)).code())
                .isEqualTo(234001);
        byte[] big = new byte[10 * MB + 1];
        System.arraycopy(TestImages.png(4), 0, big, 0, 8);
        assertThat(lark.multipart("/open-apis/im/v1/images", Map.of("image_type", "message"), "image", "big.png", big).code())
                .isEqualTo(234006);
    }

    @Test
    void avatarImagesCannotBeDownloaded() {
        String key = lark.multipart("/open-apis/im/v1/images", Map.of("image_type", "avatar"), "image", "a.png", TestImages.png(4))
                .data().path("image_key").asText();

        assertThat(lark.get("/open-apis/im/v1/images/" + key).code()).isEqualTo(234001);
    }

    @Test
    void aFileKeepsItsNameTypeAndDuration() {
        byte[] pdf = "%PDF-1.4 simulated".getBytes(StandardCharsets.UTF_8);

        RawLark.Reply upload = lark.multipart("/open-apis/im/v1/files",
                Map.of("file_type", "pdf", "file_name", "report.pdf", "duration", "0"), "file", "report.pdf", pdf);
        String key = upload.data().path("file_key").asText();
        RawLark.Reply download = lark.get("/open-apis/im/v1/files/" + key);

        assertThat(key).startsWith("file_v3_");
        assertThat(download.bytes()).isEqualTo(pdf);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition")).contains("filename=\"report.pdf\"");
        StoredResource stored = sim.state().resource(key).orElseThrow();
        assertThat(stored.type()).isEqualTo("pdf");
        assertThat(stored.durationMs()).isZero();
    }

    @Test
    void fileUploadsNeedTypeAndName() {
        assertThat(lark.multipart("/open-apis/im/v1/files", Map.of("file_name", "a.bin"), "file", "a.bin", new byte[] {1}).code())
                .isEqualTo(234001);
        assertThat(lark.multipart("/open-apis/im/v1/files", Map.of("file_type", "exe", "file_name", "a.exe"), "file", "a.exe", new byte[] {1}).code())
                .isEqualTo(234001);
        assertThat(lark.multipart("/open-apis/im/v1/files", Map.of("file_type", "stream"), "file", "a.bin", new byte[] {1}).code())
                .isEqualTo(234001);
    }

    @Test
    void a30MbFileStreamsThroughAndOneByteMoreIsRefused() throws Exception {
        Upload ok = streamUpload(30 * MB);
        Upload tooBig = streamUpload(30 * MB + 1);

        assertThat(ok.reply()).contains("\"code\":0");
        String key = ok.reply().replaceAll(".*\"file_key\":\"([^\"]+)\".*", "$1");
        StoredResource stored = sim.state().resource(key).orElseThrow();
        assertThat(stored.size()).isEqualTo(30L * MB);
        assertThat(sha256(java.nio.file.Files.newInputStream(stored.path()))).isEqualTo(ok.sha256());
        assertThat(tooBig.reply()).contains("\"code\":234006");
    }

    private record Upload(String reply, String sha256) {
    }

    /** Uploads {@code size} generated bytes without holding them in the test's heap either. */
    private Upload streamUpload(long size) throws Exception {
        String boundary = "bigupload";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file_type\"\r\n\r\nstream\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file_name\"\r\n\r\nbig.bin\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUri() + "/open-apis/im/v1/files"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + sim.tenantAccessToken())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(java.util.Collections.enumeration(
                        java.util.List.of(new java.io.ByteArrayInputStream(head), new PatternStream(size),
                                new java.io.ByteArrayInputStream(tail))))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Upload(response.body(), sha256(new PatternStream(size)));
    }

    private static String sha256(InputStream in) throws IOException, java.security.NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (in) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A deterministic byte stream that also contains "\r\n--" sequences to tease the multipart parser. */
    private static final class PatternStream extends InputStream {
        private final long size;
        private long position;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            long p = position++;
            return p % 4099 < 4 ? "\r\n--".charAt((int) (p % 4099)) : (int) ((p * 31 + (p >>> 7)) & 0xff);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }
}
