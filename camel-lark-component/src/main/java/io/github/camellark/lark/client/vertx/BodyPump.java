package io.github.camellark.lark.client.vertx;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import io.github.camellark.lark.client.http.RequestBody;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;

/**
 * Streams a request body from its source to the connection as fast as the connection takes it: one chunk is read on
 * {@code blocking} (a file or a user's stream may block), written on the request's event loop, and the next read waits
 * while the connection's write queue is full. At most one chunk plus the write queue is in memory, whatever the size.
 */
final class BodyPump {

    static final int CHUNK_BYTES = 64 * 1024;

    private final RequestBody body;
    private final HttpClientRequest request;
    private final Context context;
    private final Executor blocking;
    private final Consumer<Throwable> onFailure;
    private InputStream in;

    BodyPump(RequestBody body, HttpClientRequest request, Context context, Executor blocking, Consumer<Throwable> onFailure) {
        this.body = body;
        this.request = request;
        this.context = context;
        this.blocking = blocking;
        this.onFailure = onFailure;
    }

    void start() {
        readNext();
    }

    private void readNext() {
        try {
            blocking.execute(this::readChunk);
        } catch (RejectedExecutionException stopping) {
            fail(new IOException("the component is stopping: upload abandoned", stopping));
        }
    }

    private void readChunk() {
        byte[] chunk = new byte[CHUNK_BYTES];
        int n;
        try {
            if (in == null) {
                in = body.open();
            }
            n = in.readNBytes(chunk, 0, chunk.length);
        } catch (IOException | RuntimeException e) {
            context.runOnContext(ignored -> fail(new RequestBody.SourceException(e)));
            return;
        }
        if (n == 0) {
            context.runOnContext(ignored -> finish());
        } else {
            Buffer buffer = Buffer.buffer(n == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, n));
            context.runOnContext(ignored -> write(buffer));
        }
    }

    private void write(Buffer buffer) {
        request.write(buffer).onFailure(this::fail);
        if (request.writeQueueFull()) {
            request.drainHandler(ignored -> {
                request.drainHandler(null);
                readNext();
            });
        } else {
            readNext();
        }
    }

    private void finish() {
        closeSource();
        request.end().onFailure(this::fail);
    }

    private void fail(Throwable failure) {
        closeSource();
        onFailure.accept(failure);
    }

    private void closeSource() {
        InputStream open = in;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // the upload is over either way
            }
        }
    }
}
