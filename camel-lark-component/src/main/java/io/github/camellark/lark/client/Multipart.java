package io.github.camellark.lark.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.camellark.lark.client.http.RequestBody;

/**
 * A {@code multipart/form-data} body of text fields and one file, streamed to the socket: the fields and part headers
 * are a few hundred bytes in memory, the file goes from its {@link UploadSource} straight to the connection. The length
 * is announced when the file's size is known (otherwise the body goes out chunked).
 */
public final class Multipart implements RequestBody {

    private static final String CRLF = "\r\n";

    private final String boundary;
    private final byte[] head;
    private final byte[] tail;
    private final UploadSource file;

    private Multipart(String boundary, byte[] head, byte[] tail, UploadSource file) {
        this.boundary = boundary;
        this.head = head;
        this.tail = tail;
        this.file = file;
    }

    /**
     * @param fields      the text fields, in order; null values are left out
     * @param fileField   the name of the file part
     * @param fileName    the file name announced in the file part
     * @param contentType the content type of the file part
     */
    public static Multipart of(Map<String, ?> fields, String fileField, String fileName, String contentType, UploadSource file) {
        String boundary = "camel-lark-" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> {
            if (value != null) {
                head.append("--").append(boundary).append(CRLF)
                        .append("Content-Disposition: form-data; name=\"").append(quoted(name)).append('"').append(CRLF)
                        .append("Content-Type: text/plain; charset=utf-8").append(CRLF)
                        .append(CRLF)
                        .append(value).append(CRLF);
            }
        });
        head.append("--").append(boundary).append(CRLF)
                .append("Content-Disposition: form-data; name=\"").append(quoted(fileField))
                .append("\"; filename=\"").append(quoted(fileName)).append('"').append(CRLF)
                .append("Content-Type: ").append(contentType).append(CRLF)
                .append(CRLF);
        String tail = CRLF + "--" + boundary + "--" + CRLF;
        return new Multipart(boundary, head.toString().getBytes(StandardCharsets.UTF_8), tail.getBytes(StandardCharsets.US_ASCII),
                file);
    }

    @Override
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The length of the whole body, or {@link UploadSource#UNKNOWN_SIZE}. */
    @Override
    public long length() {
        return file.size() < 0 ? UploadSource.UNKNOWN_SIZE : head.length + file.size() + tail.length;
    }

    @Override
    public boolean isReplayable() {
        return file.isReplayable();
    }

    /** The whole body from its start; for a replayable file each call reads the file again from its start. */
    @Override
    public InputStream open() throws IOException {
        return new SequenceInputStream(java.util.Collections.enumeration(List.of(new ByteArrayInputStream(head), file.open(),
                new ByteArrayInputStream(tail))));
    }

    /** Makes this the body of the request. */
    public LarkRequest.Builder applyTo(LarkRequest.Builder request) {
        return request.body(this);
    }

    @Override
    public String toString() {
        return "Multipart[" + length() + " bytes]";
    }

    /** Quotes a header parameter the way browsers do in form data (HTML spec): CR, LF and '"' percent-encoded. */
    private static String quoted(String value) {
        return value.replace("\r", "%0D").replace("\n", "%0A").replace("\"", "%22");
    }
}
