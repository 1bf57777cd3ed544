package io.github.camellark.lark.client;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.StreamCache;

/**
 * The bytes of an uploaded file, streamed from where they are: an array, a file on disk, a reusable Camel stream cache,
 * or a one-shot InputStream. Never read whole into memory. Files and arrays can be sent again on a retry; a plain
 * InputStream cannot.
 */
public final class UploadSource {

    /** Size of a source whose length is only known once it has been read. */
    public static final long UNKNOWN_SIZE = -1;

    private final long size;
    private final boolean replayable;
    private final Opener opener;
    private final LimitedStream limited;

    /** Produces the bytes from the start. */
    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    private UploadSource(long size, boolean replayable, Opener opener, LimitedStream limited) {
        this.size = size;
        this.replayable = replayable;
        this.opener = opener;
        this.limited = limited;
    }

    public static UploadSource of(byte[] bytes) {
        return new UploadSource(bytes.length, true, () -> new ByteArrayInputStream(bytes), null);
    }

    public static UploadSource of(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the size of the file to upload '" + file.getFileName() + "': " + e, e);
        }
        return new UploadSource(size, true, () -> Files.newInputStream(file), null);
    }

    /**
     * A stream body. Its size is known for byte-array streams and Camel stream caches (which can also be replayed);
     * otherwise the first byte is peeked to recognise an empty stream, and reading fails with
     * {@link UploadTooLargeException} as soon as more than {@code maxBytes} have been read, which aborts the upload.
     */
    public static UploadSource of(InputStream in, long maxBytes) {
        if (in instanceof StreamCache) {
            StreamCache cache = (StreamCache) in;
            long length = cache.length();
            if (length >= 0) {
                return new UploadSource(length, true, () -> {
                    cache.reset();
                    return unclosable(in);
                }, null);
            }
        }
        if (in instanceof ByteArrayInputStream) {
            // available() is exact for an array-backed stream, and mark/reset lets a retry send it again
            int length = ((ByteArrayInputStream) in).available();
            in.mark(length);
            return new UploadSource(length, true, () -> {
                in.reset();
                return unclosable(in);
            }, null);
        }
        PushbackInputStream peekable = new PushbackInputStream(in, 1);
        try {
            int first = peekable.read();
            if (first < 0) {
                return new UploadSource(0, false, InputStream::nullInputStream, null);
            }
            peekable.unread(first);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the stream to upload", e);
        }
        LimitedStream limited = new LimitedStream(peekable, maxBytes);
        AtomicBoolean used = new AtomicBoolean();
        return new UploadSource(UNKNOWN_SIZE, false, () -> {
            if (used.getAndSet(true)) {
                throw new IllegalStateException("An InputStream body can be uploaded only once");
            }
            return limited;
        }, limited);
    }

    /** The number of bytes, or {@link #UNKNOWN_SIZE}. */
    public long size() {
        return size;
    }

    public boolean isReplayable() {
        return replayable;
    }

    /** Whether reading stopped because the stream was longer than the limit given to {@link #of(InputStream, long)}. */
    public boolean exceededLimit() {
        return limited != null && limited.exceeded.get();
    }

    /** The bytes from the start; for a one-shot stream only once. */
    InputStream open() throws IOException {
        return opener.open();
    }

    /** A reusable stream handed out for one attempt: the attempt's close must not end it for the next one. */
    private static InputStream unclosable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the stream belongs to the exchange, which closes it
            }
        };
    }

    /** The upload stream was longer than the limit; reading stopped there. */
    public static final class UploadTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        UploadTooLargeException(long limit) {
            super("upload is larger than " + limit + " bytes");
        }
    }

    /** Counts the bytes read and fails once more than the limit have passed. */
    private static final class LimitedStream extends FilterInputStream {
        private final long limit;
        private final AtomicBoolean exceeded = new AtomicBoolean();
        private long count;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > limit) {
                exceeded.set(true);
                in.close();
                throw new UploadTooLargeException(limit);
            }
        }
    }
}
