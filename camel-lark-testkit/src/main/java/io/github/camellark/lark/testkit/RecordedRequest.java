package io.github.camellark.lark.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request the simulator received, with what it answered.
 *
 * @param headers      request headers, names in lower case
 * @param json         the JSON body, or {@code null}
 * @param bodyText     the raw body as text ({@code ""} for multipart requests, see {@link #parts()})
 * @param parts        a summary of each multipart part
 * @param status       the HTTP status answered, 0 when the connection was dropped without a reply
 * @param responseJson the JSON answered, or {@code null} for binary replies and dropped connections
 * @param logId        the {@code X-Tt-Logid} of the reply
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> query,
        Map<String, List<String>> headers, JsonNode json, String bodyText, List<Part> parts, Instant time,
        int status, JsonNode responseJson, String logId) {

    /** A multipart part: form fields keep their value, file parts their name, type and size. */
    public record Part(String name, String fileName, String contentType, long size, String value) {
    }

    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Part part(String name) {
        return parts.stream().filter(p -> name.equals(p.name())).findFirst().orElse(null);
    }

    /** The Lark {@code code} answered, or {@code null} when the reply had none. */
    public Integer code() {
        return responseJson != null && responseJson.path("code").isInt() ? responseJson.get("code").asInt() : null;
    }

    /** The bearer token sent, or {@code null}. */
    public String bearerToken() {
        String authorization = header("Authorization");
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }

    public boolean matches(String method, String pathPattern) {
        return new PathPattern(method, pathPattern).matches(this.method, this.path);
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query) + " -> " + status
                + (code() == null ? "" : " code=" + code());
    }
}
