package io.github.camellark.lark.testkit.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streaming multipart/form-data parser. File parts go straight to temporary files through a fixed
 * 64 KB window, so a 30 MB upload costs 64 KB of heap, not 30 MB.
 */
final class MultipartParser {

    private static final int WINDOW = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_FIELD_BYTES = 1024 * 1024;
    private static final Pattern PARAM = Pattern.compile("(\\w+)(\\*?)=(?:\"([^\"]*)\"|([^;\\s]*))");

    private final InputStream in;
    private final Path tempDir;
    private final Set<String> fileFields;
    private final byte[] buf = new byte[WINDOW];
    private int pos;
    private int limit;
    private boolean eof;

    private MultipartParser(InputStream in, Path tempDir, Set<String> fileFields) {
        this.in = in;
        this.tempDir = tempDir;
        this.fileFields = fileFields;
    }

    /** The boundary of a {@code multipart/form-data} Content-Type, or {@code null}. */
    static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return null;
        }
        Matcher m = PARAM.matcher(contentType);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase("boundary")) {
                return m.group(3) != null ? m.group(3) : m.group(4);
            }
        }
        return null;
    }

    /**
     * Parses the body; parts with a {@code filename}, and parts named in {@code fileFields} even without one, are
     * streamed to temporary files. The field name matters because Lark's upload APIs name their file fields and
     * clients do not always send a file name: the Node SDK's documented upload of a Buffer sends
     * {@code name="image"} with {@code Content-Type: application/octet-stream} and no {@code filename}.
     */
    static List<MultipartPart> parse(InputStream in, String boundary, Path tempDir, Set<String> fileFields) throws IOException {
        return new MultipartParser(in, tempDir, fileFields).parseAll(boundary);
    }

    private List<MultipartPart> parseAll(String boundary) throws IOException {
        List<MultipartPart> parts = new ArrayList<>();
        byte[] first = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        if (!copyUntil(first, OutputStream.nullOutputStream(), Long.MAX_VALUE)) {
            throw new IOException("multipart body has no boundary");
        }
        try {
            while (true) {
                int a = read();
                int b = read();
                if (a == '-' && b == '-') {
                    return parts;
                }
                if (a != '\r' || b != '\n') {
                    throw new IOException("malformed multipart boundary line");
                }
                ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
                if (!copyUntil("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headerBytes, MAX_HEADER_BYTES)) {
                    throw new IOException("truncated multipart headers");
                }
                parts.add(readPart(headerBytes.toString(StandardCharsets.UTF_8), delimiter));
            }
        } catch (IOException | RuntimeException e) {
            for (MultipartPart part : parts) {
                if (part.file() != null) {
                    Files.deleteIfExists(part.file());
                }
            }
            throw e;
        }
    }

    private MultipartPart readPart(String headerBlock, byte[] delimiter) throws IOException {
        String name = null;
        String fileName = null;
        String contentType = null;
        for (String line : headerBlock.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String headerName = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (headerName.equals("content-type")) {
                contentType = value;
            } else if (headerName.equals("content-disposition")) {
                Matcher m = PARAM.matcher(value);
                while (m.find()) {
                    String v = m.group(3) != null ? m.group(3) : m.group(4);
                    if (m.group(1).equalsIgnoreCase("name")) {
                        name = v;
                    } else if (m.group(1).equalsIgnoreCase("filename")) {
                        if (!m.group(2).isEmpty() && v.toUpperCase(Locale.ROOT).startsWith("UTF-8''")) {
                            v = java.net.URLDecoder.decode(v.substring(7), StandardCharsets.UTF_8);
                        }
                        fileName = v;
                    }
                }
            }
        }
        if (fileName == null && !fileFields.contains(name)) {
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            if (!copyUntil(delimiter, value, MAX_FIELD_BYTES)) {
                throw new IOException("truncated multipart field " + name);
            }
            return new MultipartPart(name, null, contentType, value.size(), value.toByteArray(), null);
        }
        Path file = Files.createTempFile(tempDir, "upload-", ".part");
        try (CountingOutputStream out = new CountingOutputStream(Files.newOutputStream(file))) {
            if (!copyUntil(delimiter, out, Long.MAX_VALUE)) {
                throw new IOException("truncated multipart file part " + name);
            }
            out.flush();
            return new MultipartPart(name, fileName, contentType, out.count, null, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Copies bytes to {@code sink} until {@code delimiter} (consumed, not copied); false at end of stream. */
    private boolean copyUntil(byte[] delimiter, OutputStream sink, long maxBytes) throws IOException {
        long copied = 0;
        while (true) {
            fill(delimiter.length);
            int found = indexOf(delimiter);
            int safeEnd = found >= 0 ? found : (eof ? limit : Math.max(pos, limit - delimiter.length + 1));
            int n = safeEnd - pos;
            copied += n;
            if (copied > maxBytes) {
                throw new IOException("multipart section larger than " + maxBytes + " bytes");
            }
            sink.write(buf, pos, n);
            pos = safeEnd;
            if (found >= 0) {
                pos += delimiter.length;
                return true;
            }
            if (eof) {
                return false;
            }
        }
    }

    private int indexOf(byte[] needle) {
        outer:
        for (int i = pos; i <= limit - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buf[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Makes sure the window holds more than {@code wanted} unread bytes unless the stream has ended. */
    private void fill(int wanted) throws IOException {
        if (limit - pos > wanted && limit < buf.length) {
            return;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (!eof && limit < buf.length) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
                if (limit - pos > wanted) {
                    return;
                }
            }
        }
    }

    private int read() throws IOException {
        fill(1);
        return pos < limit ? buf[pos++] & 0xff : -1;
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(new java.io.BufferedOutputStream(out, WINDOW));
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }
}
