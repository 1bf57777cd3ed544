package io.github.camellark.lark.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camellark.lark.client.http.RequestBody;

/**
 * One call to Lark, described as data so that {@link LarkClient} can send it, and send it again on retries. Built by the
 * resource handlers: {@code LarkRequest.post("/open-apis/im/v1/messages/{}/reply", messageId).json(body).build()}.
 */
public final class LarkRequest {

    /** Which credential goes into the {@code Authorization} header. */
    public enum Auth {
        TENANT,
        USER,
        NONE
    }

    private final String method;
    private final String path;
    private final URI absoluteUri;
    private final String description;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final Object json;
    private final RequestBody body;
    private final boolean replayable;
    private final Auth auth;
    private final String userAccessToken;
    private final String tenantKey;
    private final boolean idempotent;
    private final boolean download;
    private final String rateLimitKey;

    private LarkRequest(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.absoluteUri = b.absoluteUri;
        this.description = b.absoluteUri != null ? method + " " + b.absoluteDescription : method + " " + b.pathForDescription;
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(b.query));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.json = b.json;
        this.body = b.body;
        this.replayable = b.body == null || b.body.isReplayable();
        // a call without credentials (custom-bot webhook) stays without them even when a user token is around
        this.auth = b.auth == Auth.NONE ? Auth.NONE : b.userAccessToken != null ? Auth.USER : b.auth;
        this.userAccessToken = b.userAccessToken;
        this.tenantKey = b.tenantKey;
        this.idempotent = b.idempotent;
        this.download = b.download;
        this.rateLimitKey = b.rateLimitKey;
    }

    public static Builder get(String pathTemplate, String... pathParams) {
        return new Builder("GET", pathTemplate, pathParams);
    }

    public static Builder post(String pathTemplate, String... pathParams) {
        return new Builder("POST", pathTemplate, pathParams);
    }

    public static Builder put(String pathTemplate, String... pathParams) {
        return new Builder("PUT", pathTemplate, pathParams);
    }

    public static Builder patch(String pathTemplate, String... pathParams) {
        return new Builder("PATCH", pathTemplate, pathParams);
    }

    public static Builder delete(String pathTemplate, String... pathParams) {
        return new Builder("DELETE", pathTemplate, pathParams);
    }

    public String method() {
        return method;
    }

    /** The path below the base URI, path parameters already encoded; null for an absolute URI. */
    public String path() {
        return path;
    }

    public URI absoluteUri() {
        return absoluteUri;
    }

    /** Method and path template, safe for logs and exception messages (no ids of absolute URIs, no secrets). */
    public String description() {
        return description;
    }

    public Map<String, String> query() {
        return query;
    }

    /** Extra request headers (credentials are added by the client, not here). */
    public Map<String, String> headers() {
        return headers;
    }

    public Object json() {
        return json;
    }

    /** A streamed body (uploads), or null. */
    public RequestBody body() {
        return body;
    }

    public Auth auth() {
        return auth;
    }

    public String userAccessToken() {
        return userAccessToken;
    }

    public String tenantKey() {
        return tenantKey;
    }

    /** Whether sending it twice has the effect of sending it once: reads, and writes that carry a uuid. */
    public boolean isIdempotent() {
        return idempotent && replayable;
    }

    /** Whether the request body can be produced again for a retry (a consumed InputStream cannot). */
    public boolean isReplayable() {
        return replayable;
    }

    public boolean isDownload() {
        return download;
    }

    /** The receiver whose own rate limit the call counts against (a chat, a user, a card message), or null. */
    public String rateLimitKey() {
        return rateLimitKey;
    }

    public static final class Builder {
        private final String method;
        private final String path;
        private final String pathForDescription;
        private URI absoluteUri;
        private String absoluteDescription;
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Object json;
        private RequestBody body;
        private Auth auth = Auth.TENANT;
        private String userAccessToken;
        private String tenantKey;
        private boolean idempotent;
        private boolean download;
        private String rateLimitKey;

        private Builder(String method, String pathTemplate, String... pathParams) {
            this.method = method;
            this.pathForDescription = pathTemplate;
            this.path = pathTemplate == null ? null : expand(pathTemplate, pathParams);
            this.idempotent = "GET".equals(method);
        }

        /** A call to a URL outside the Open Platform base URI (custom-bot webhooks); {@code description} replaces it in logs. */
        public Builder absoluteUri(URI uri, String description) {
            this.absoluteUri = uri;
            this.absoluteDescription = description;
            return this;
        }

        /** Adds a query parameter; null values are left out. */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.put(name, value.toString());
            }
            return this;
        }

        /** Adds a request header. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body (a Map, a Jackson node or any Jackson-serialisable object). */
        public Builder json(Object json) {
            this.json = json;
            return this;
        }

        /** A streamed body; whether a retry can send it again is the body's to say. */
        public Builder body(RequestBody body) {
            this.body = body;
            return this;
        }

        /** Safe to repeat on 5xx and I/O errors (the request carries a uuid Lark dedupes on). */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /** The reply body is a file: streamed back instead of parsed. */
        public Builder download() {
            this.download = true;
            return this;
        }

        /**
         * The call counts against the per-receiver rate limit of {@code key}: Lark allows 5 sends and replies a second to
         * one user or chat, and 5 updates a second of one card message. Null or blank: no per-receiver limit.
         */
        public Builder rateLimitKey(String key) {
            this.rateLimitKey = key == null || key.isBlank() ? null : key;
            return this;
        }

        public Builder noAuth() {
            this.auth = Auth.NONE;
            return this;
        }

        /** Acts as the user owning this token instead of as the app; null keeps the app identity. */
        public Builder userAccessToken(String token) {
            this.userAccessToken = token == null || token.isBlank() ? null : token;
            return this;
        }

        public Builder tenantKey(String tenantKey) {
            this.tenantKey = tenantKey;
            return this;
        }

        public LarkRequest build() {
            return new LarkRequest(this);
        }

        private static String expand(String template, String... params) {
            StringBuilder out = new StringBuilder();
            int from = 0;
            for (String param : params) {
                int at = template.indexOf("{}", from);
                if (at < 0) {
                    throw new IllegalArgumentException("More parameters than placeholders in " + template);
                }
                out.append(template, from, at).append(encodeSegment(param));
                from = at + 2;
            }
            if (template.indexOf("{}", from) >= 0) {
                throw new IllegalArgumentException("Missing path parameter in " + template);
            }
            return out.append(template.substring(from)).toString();
        }
    }

    static String encodeSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String encodeQuery(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
