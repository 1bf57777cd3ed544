package io.github.camellark.lark.client;

import java.io.InputStream;
import java.util.Map;

import io.github.camellark.lark.client.http.Headers;

/** What Lark answered to a successful call: the envelope's {@code data}, or the streamed file of a download. */
public final class LarkReply {

    private final Headers headers;
    private final String logId;
    private final Map<String, Object> envelope;
    private final InputStream stream;

    LarkReply(Headers headers, String logId, Map<String, Object> envelope, InputStream stream) {
        this.headers = headers;
        this.logId = logId;
        this.envelope = envelope;
        this.stream = stream;
    }

    public String logId() {
        return logId;
    }

    public String header(String name) {
        return headers.first(name);
    }

    /** The whole JSON reply ({@code code}, {@code msg}, {@code data}); empty for downloads. Token replies carry their fields here. */
    public Map<String, Object> envelope() {
        return envelope;
    }

    /** The reply's {@code data} object; an empty map when Lark sent none. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> data() {
        Object data = envelope.get("data");
        return data instanceof Map ? (Map<String, Object>) data : new java.util.LinkedHashMap<>();
    }

    /** The downloaded file, streamed from the connection; the caller must close it. Null for JSON replies. */
    public InputStream stream() {
        return stream;
    }
}
