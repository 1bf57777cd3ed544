package io.github.camellark.lark.testkit.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed request as handlers see it: method, path, decoded query, headers (names in lower
 * case), the JSON body when there is one, multipart parts, and the path parameters of the route.
 */
public final class SimRequest {

    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final JsonNode json;
    private final List<MultipartPart> parts;
    private final String logId;
    private final Instant receivedAt;
    private Map<String, String> pathParams = Map.of();
    private Object caller;

    SimRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
            byte[] body, JsonNode json, List<MultipartPart> parts, String logId, Instant receivedAt) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.json = json;
        this.parts = parts;
        this.logId = logId;
        this.receivedAt = receivedAt;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Map<String, List<String>> query() {
        return query;
    }

    /** The first value of a query parameter, or {@code null}. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header (case-insensitive), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The raw body; empty for multipart requests, whose bytes went to {@link #parts()}. */
    public byte[] body() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON, or {@code null} when it is empty or not JSON. */
    public JsonNode json() {
        return json;
    }

    public List<MultipartPart> parts() {
        return parts;
    }

    public MultipartPart part(String name) {
        return parts.stream().filter(p -> name.equals(p.name())).findFirst().orElse(null);
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public Map<String, String> pathParams() {
        return pathParams;
    }

    void pathParams(Map<String, String> params) {
        this.pathParams = Map.copyOf(params);
    }

    /** The {@code X-Tt-Logid} this request is answered with. */
    public String logId() {
        return logId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** Who called: set by the simulator after the Authorization header was checked. */
    @SuppressWarnings("unchecked")
    public <T> T caller() {
        return (T) caller;
    }

    public void caller(Object caller) {
        this.caller = caller;
    }
}
