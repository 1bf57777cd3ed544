package io.github.camellark.lark.client;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.converter.stream.InputStreamCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartTest {

    private static final byte[] BYTES = "file-bytes".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void writesFieldsThenTheFilePartWithItsNameAndType() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file_type", "pdf");
        fields.put("duration", null);
        fields.put("file_name", "a.pdf");
        Multipart multipart = Multipart.of(fields, "file", "a.pdf", "application/pdf", UploadSource.of(BYTES));
        String boundary = multipart.contentType().substring("multipart/form-data; boundary=".length());

        String body = new String(multipart.open().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("--" + boundary + "\r\n"
                                   + "Content-Disposition: form-data; name=\"file_type\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\npdf\r\n"
                                   + "--" + boundary + "\r\n"
                                   + "Content-Disposition: form-data; name=\"file_name\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\na.pdf\r\n"
                                   + "--" + boundary + "\r\n"
                                   + "Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                                   + "file-bytes\r\n--" + boundary + "--\r\n");
        assertThat(multipart.length()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        assertThat(multipart.open().readAllBytes().length).isEqualTo(multipart.length());
    }

    @Test
    void quotesFileNamesLikeBrowsers() throws Exception {
        Multipart multipart = Multipart.of(Map.of(), "file", "a\"b\r\nc.txt", "text/plain", UploadSource.of(BYTES));

        assertThat(new String(multipart.open().readAllBytes(), StandardCharsets.UTF_8)).contains("filename=\"a%22b%0D%0Ac.txt\"");
    }

    @Test
    void bytesFilesAndStreamCachesAreReplayedAPlainStreamIsNot() throws Exception {
        Path file = Files.write(dir.resolve("f.bin"), BYTES);
        InputStreamCache cache = new InputStreamCache(BYTES);
        for (UploadSource source : List.of(UploadSource.of(BYTES), UploadSource.of(file), UploadSource.of(cache, 100),
                UploadSource.of(new ByteArrayInputStream(BYTES), 100))) {
            Multipart multipart = Multipart.of(Map.of(), "file", "f.bin", "application/octet-stream", source);
            assertThat(multipart.isReplayable()).isTrue();
            assertThat(multipart.length()).isPositive();
            assertThat(multipart.open().readAllBytes()).isEqualTo(multipart.open().readAllBytes());
        }

        UploadSource stream = UploadSource.of(new java.io.BufferedInputStream(new ByteArrayInputStream(BYTES)), 100);
        Multipart once = Multipart.of(Map.of(), "file", "f.bin", "application/octet-stream", stream);
        assertThat(once.isReplayable()).isFalse();
        assertThat(once.length()).isEqualTo(UploadSource.UNKNOWN_SIZE);
        assertThat(new String(once.open().readAllBytes(), StandardCharsets.UTF_8)).contains("\r\n\r\nfile-bytes\r\n--");
        assertThatThrownBy(() -> once.open().readAllBytes()).hasStackTraceContaining("can be uploaded only once");
    }

    @Test
    void aStreamLongerThanTheLimitStopsBeingRead() {
        InputStream longer = new java.io.BufferedInputStream(new ByteArrayInputStream(new byte[1000]));
        UploadSource source = UploadSource.of(longer, 999);

        assertThatThrownBy(() -> Multipart.of(Map.of(), "file", "f", "x/y", source).open().readAllBytes())
                .hasStackTraceContaining("larger than 999 bytes");
        assertThat(source.exceededLimit()).isTrue();
    }

    @Test
    void anEmptyStreamIsSeenBeforeSending() {
        assertThat(UploadSource.of(new java.io.BufferedInputStream(InputStream.nullInputStream()), 10).size()).isZero();
    }
}
