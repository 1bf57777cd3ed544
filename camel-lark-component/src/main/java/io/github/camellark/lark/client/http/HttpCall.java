package io.github.camellark.lark.client.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One HTTP request as data.
 *
 * @param method     the HTTP method
 * @param uri        the absolute URI, query included
 * @param headers    request headers, in order
 * @param body       the body, or null for none
 * @param timeout    how long the server may take to answer (until the whole buffered reply, or until the head of a
 *                   streamed one)
 * @param streamWhen decides, once the reply's head is in, whether its body reaches the caller as a stream fed by the
 *                   connection (a download) instead of a byte array
 */
public record HttpCall(String method, URI uri, List<Map.Entry<String, String>> headers, RequestBody body, Duration timeout,
                       Predicate<ReplyHead> streamWhen) {

    /** Never stream: the reply body is read whole (JSON envelopes are small). */
    public static final Predicate<ReplyHead> BUFFERED = head -> false;

    /** Status and headers of a reply, before its body. */
    public record ReplyHead(int status, Headers headers) {
    }
}
