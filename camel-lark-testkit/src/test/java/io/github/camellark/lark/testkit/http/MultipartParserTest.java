package io.github.camellark.lark.testkit.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartParserTest {

    @TempDir
    Path dir;

    @Test
    void readsFieldsAndFilesEvenWhenTheNetworkDeliversOneByteAtATime() throws IOException {
        byte[] file = "line one\r\n--not-the-boundary\r\nline three".getBytes(StandardCharsets.UTF_8);
        byte[] body = concat(
                "preamble\r\n--b0undary\r\nContent-Disposition: form-data; name=\"file_type\"\r\n\r\npdf\r\n",
                "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf\r\n",
                "Content-Type: application/pdf\r\n\r\n");
        body = concat(body, file, "\r\n--b0undary--\r\n".getBytes(StandardCharsets.UTF_8));

        List<MultipartPart> parts = MultipartParser.parse(new Trickle(new ByteArrayInputStream(body)), "b0undary", dir, Set.of());

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("file_type");
        assertThat(parts.get(0).value()).isEqualTo("pdf");
        assertThat(parts.get(1).fileName()).isEqualTo("报告.pdf");
        assertThat(parts.get(1).contentType()).isEqualTo("application/pdf");
        assertThat(Files.readAllBytes(parts.get(1).file())).isEqualTo(file);
    }

    @Test
    void aNamedFileFieldIsStreamedToDiskWithoutAFileNameAndOtherFieldsStayInMemory() throws IOException {
        byte[] body = concat("--b\r\nContent-Disposition: form-data; name=\"image\"\r\nContent-Type: application/octet-stream\r\n\r\n",
                "PNGDATA\r\n--b\r\nContent-Disposition: form-data; name=\"image_type\"\r\n\r\nmessage\r\n--b--\r\n");

        List<MultipartPart> parts = MultipartParser.parse(new ByteArrayInputStream(body), "b", dir, Set.of("image"));

        assertThat(parts.get(0).isFile()).isTrue();
        assertThat(parts.get(0).fileName()).isNull();
        assertThat(Files.readString(parts.get(0).file())).isEqualTo("PNGDATA");
        assertThat(parts.get(1).isFile()).isFalse();
        assertThat(parts.get(1).value()).isEqualTo("message");
    }

    @Test
    void aTruncatedBodyFailsAndLeavesNoTemporaryFiles() throws IOException {
        byte[] body = concat("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n\r\n", "abc");

        assertThatThrownBy(() -> MultipartParser.parse(new ByteArrayInputStream(body), "b", dir, Set.of())).isInstanceOf(IOException.class);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void findsTheBoundaryInTheContentType() {
        assertThat(MultipartParser.boundaryOf("multipart/form-data; boundary=\"abc def\"")).isEqualTo("abc def");
        assertThat(MultipartParser.boundaryOf("multipart/form-data; charset=utf-8; boundary=xyz")).isEqualTo("xyz");
        assertThat(MultipartParser.boundaryOf("application/json")).isNull();
    }

    private static byte[] concat(String... parts) {
        return String.join("", parts).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** Hands out one byte per read, like a slow network. */
    private static final class Trickle extends FilterInputStream {
        Trickle(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1));
        }
    }
}
