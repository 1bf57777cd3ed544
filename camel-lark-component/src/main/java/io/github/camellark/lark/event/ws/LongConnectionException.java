package io.github.camellark.lark.event.ws;

import org.apache.camel.RuntimeCamelException;

/**
 * Lark refused or broke the long connection. {@link #isRetryable()} false means retrying cannot help (bad credentials,
 * connection limit, forbidden): the transport stops and reports it. Messages never contain the app secret or the
 * connection URL (it carries an access key).
 */
public class LongConnectionException extends RuntimeCamelException {

    private final boolean retryable;
    private final long code;

    public LongConnectionException(String message, boolean retryable, long code, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.code = code;
    }

    public static LongConnectionException retryable(String message, Throwable cause) {
        return new LongConnectionException(message, true, 0, cause);
    }

    public boolean isRetryable() {
        return retryable;
    }

    /** Lark's result code or handshake auth error code when there was one, otherwise 0. */
    public long getCode() {
        return code;
    }
}
