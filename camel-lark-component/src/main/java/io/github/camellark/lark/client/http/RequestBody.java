package io.github.camellark.lark.client.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body the engine reads as the connection asks for data. A replayable body can be opened again for a retry; a
 * one-shot body (a plain InputStream) only once.
 */
public interface RequestBody {

    /** Length in bytes, or -1 when unknown (the body then goes out chunked). */
    long length();

    boolean isReplayable();

    /** The bytes from the start. For a one-shot body a second call fails. */
    InputStream open() throws IOException;

    /** The content type of the body. */
    String contentType();

    /** Reading the body from its source failed (the file, the caller's stream): not a network failure. */
    final class SourceException extends IOException {
        private static final long serialVersionUID = 1L;

        public SourceException(Throwable cause) {
            super("reading the request body failed: " + cause.getMessage(), cause);
        }
    }

    static RequestBody of(byte[] bytes, String contentType) {
        return new Bytes(bytes, contentType);
    }

    /** A small body in memory (JSON); the engine writes it in one go. */
    record Bytes(byte[] bytes, String contentType) implements RequestBody {
        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public boolean isReplayable() {
            return true;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public String toString() {
            return "Bytes[" + bytes.length + "]";
        }
    }
}
