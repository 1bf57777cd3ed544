package io.github.camellark.lark.client.http;

import java.io.InputStream;

/**
 * A reply: its body either read whole ({@code body}) or, when the call asked for it, as a stream fed by the connection
 * with back-pressure ({@code stream}; the caller must close it).
 */
public record HttpReply(int status, Headers headers, byte[] body, InputStream stream) {

    /** The body is bytes of a small reply; never printed whole. */
    @Override
    public String toString() {
        return "HttpReply[" + status + ", " + (stream != null ? "stream" : body.length + " bytes") + "]";
    }
}
