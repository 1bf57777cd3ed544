package io.github.camellark.lark.client.vertx;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

/**
 * A reply body as an InputStream fed by the connection. Buffers arrive on the event loop; when more than
 * {@link #HIGH_WATER} bytes wait for the reader, the connection is paused, and it resumes once the reader has taken them
 * below {@link #LOW_WATER}. Closing it before the end resets the request, so the connection does not go on downloading.
 */
final class ConnectionInputStream extends InputStream {

    static final int HIGH_WATER = 256 * 1024;
    static final int LOW_WATER = 64 * 1024;

    private final HttpClientResponse response;
    private final Context context;
    private final ArrayDeque<Buffer> queue = new ArrayDeque<>();
    private long queued;
    private boolean paused;
    private boolean ended;
    private boolean closed;
    private Throwable failure;
    private Buffer current;
    private int position;

    ConnectionInputStream(HttpClientResponse response, Context context) {
        this.response = response;
        this.context = context;
        response.handler(this::arrived);
        response.endHandler(ignored -> ended());
        response.exceptionHandler(this::failed);
    }

    private void arrived(Buffer buffer) {
        synchronized (this) {
            if (closed) {
                return;
            }
            queue.add(buffer);
            queued += buffer.length();
            if (!paused && queued > HIGH_WATER) {
                paused = true;
                response.pause();
            }
            notifyAll();
        }
    }

    private synchronized void ended() {
        ended = true;
        notifyAll();
    }

    private synchronized void failed(Throwable error) {
        failure = error;
        notifyAll();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        boolean resume = false;
        int n;
        synchronized (this) {
            while (current == null || position == current.length()) {
                current = queue.poll();
                position = 0;
                if (current != null) {
                    queued -= current.length();
                    if (paused && queued < LOW_WATER) {
                        paused = false;
                        resume = true;
                    }
                    continue;
                }
                if (closed) {
                    throw new IOException("stream closed");
                }
                if (failure != null) {
                    throw new IOException("the download broke off: " + failure.getMessage(), failure);
                }
                if (ended) {
                    return -1;
                }
                awaitData();
            }
            n = Math.min(length, current.length() - position);
            current.getBytes(position, position + n, target, offset);
            position += n;
        }
        if (resume) {
            context.runOnContext(ignored -> response.resume());
        }
        return n;
    }

    private void awaitData() throws IOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the download", e);
        }
    }

    @Override
    public synchronized int available() {
        return current == null ? 0 : current.length() - position;
    }

    @Override
    public void close() {
        boolean abandon;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            abandon = !ended && failure == null;
            queue.clear();
            current = null;
            notifyAll();
        }
        if (abandon) {
            context.runOnContext(ignored -> response.request().reset());
        }
    }
}
