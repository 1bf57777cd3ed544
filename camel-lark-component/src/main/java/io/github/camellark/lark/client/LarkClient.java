package io.github.camellark.lark.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link LarkRequest}s without blocking: authorises them, reads Lark's {@code {code,msg,data}} envelope whatever
 * the HTTP status, and retries where Lark allows it:
 * <ul>
 * <li>invalid/expired token codes: evict the token, fetch a new one, retry once;</li>
 * <li>rate limiting (HTTP 429, 99991400, 230020, 11232): wait {@code x-ogw-ratelimit-reset}, bounded, up to maxRetries;</li>
 * <li>5xx and I/O errors: only idempotent requests (reads, and writes carrying a uuid), with backoff, up to maxRetries.</li>
 * </ul>
 */
public final class LarkClient {

    static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";
    static final String USER_AGENT = "camel-lark/0.1";
    private static final Logger LOG = LoggerFactory.getLogger(LarkClient.class);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    /** Retry limits of one endpoint. */
    public record RetryPolicy(int maxRetries, Duration maxWait, Duration backoff) {
        Duration backoff(int retries) {
            long millis = backoff.toMillis() << Math.min(retries, 20);
            return Duration.ofMillis(Math.min(millis, maxWait.toMillis()));
        }

        Duration bounded(Duration wait) {
            return wait.compareTo(maxWait) > 0 ? maxWait : wait;
        }
    }

    private final HttpClient http;
    private final URI baseUri;
    private final TokenProvider tokens;
    private final ObjectMapper mapper;
    private final ScheduledExecutorService scheduler;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Executor continuation;

    public LarkClient(HttpClient http, URI baseUri, TokenProvider tokens, ObjectMapper mapper, ScheduledExecutorService scheduler,
                      Duration requestTimeout, RetryPolicy retryPolicy) {
        this.http = http;
        this.baseUri = baseUri;
        this.tokens = tokens;
        this.mapper = mapper;
        this.scheduler = scheduler;
        this.requestTimeout = requestTimeout;
        this.retryPolicy = retryPolicy;
        this.continuation = http.executor().orElse(Runnable::run);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public CompletableFuture<LarkReply> call(LarkRequest request) {
        return attempt(request, 0, false);
    }

    private CompletableFuture<LarkReply> attempt(LarkRequest request, int retries, boolean tokenRenewed) {
        CompletableFuture<String> credential = credential(request);
        return credential
                .thenCompose(token -> send(request, token)
                        // the JDK completes sendAsync on the CompletableFuture default pool, which on small machines is a
                        // new unnamed thread per reply: continue (and run the route) on the client's own executor instead
                        .handleAsync((response, failure) -> judge(request, token, response, failure), continuation))
                .thenCompose(verdict -> next(request, retries, tokenRenewed, verdict));
    }

    private CompletableFuture<String> credential(LarkRequest request) {
        switch (request.auth()) {
            case TENANT:
                return tokens.tenantToken(request.tenantKey());
            case USER:
                return CompletableFuture.completedFuture(request.userAccessToken());
            default:
                return CompletableFuture.completedFuture(null);
        }
    }

    private CompletableFuture<HttpResponse<Object>> send(LarkRequest request, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(request))
                .timeout(requestTimeout)
                .header("User-Agent", USER_AGENT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            builder.method(request.method(), publisher(request, builder));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.sendAsync(builder.build(), info -> subscriber(request, info));
    }

    private HttpRequest.BodyPublisher publisher(LarkRequest request, HttpRequest.Builder builder) throws IOException {
        if (request.body() != null) {
            builder.header("Content-Type", request.contentType());
            HttpRequest.BodyPublisher body = request.body().get();
            if (body.contentLength() < 0 && "http".equalsIgnoreCase(uri(request).getScheme())) {
                // over cleartext the JDK client would try an h2c upgrade carrying this chunked body, which servers such as
                // Jetty refuse (RST_STREAM); over TLS, ALPN picks HTTP/2 without an upgrade
                builder.version(HttpClient.Version.HTTP_1_1);
            }
            return body;
        }
        // Lark returns Content-Disposition on downloads only when the request says JSON (lark-rest-api.md §5)
        builder.header("Content-Type", JSON_CONTENT_TYPE);
        if (request.json() == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        return HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(request.json()));
    }

    private static HttpResponse.BodySubscriber<Object> subscriber(LarkRequest request, HttpResponse.ResponseInfo info) {
        boolean file = request.isDownload() && info.statusCode() == 200
                && !info.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        return file
                ? BodySubscribers.mapping(BodySubscribers.ofInputStream(), stream -> (Object) stream)
                : BodySubscribers.mapping(BodySubscribers.ofByteArray(), bytes -> (Object) bytes);
    }

    private URI uri(LarkRequest request) {
        String base = request.absoluteUri() != null ? request.absoluteUri().toString() : baseUri + request.path();
        if (request.query().isEmpty()) {
            return URI.create(base);
        }
        String query = request.query().entrySet().stream()
                .map(e -> LarkRequest.encodeQuery(e.getKey()) + "=" + LarkRequest.encodeQuery(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    /** What one attempt came to: a reply, or a failure with what Lark said about waiting or the token. */
    private record Verdict(LarkReply reply, Throwable failure, Duration rateLimitReset, String invalidToken) {
        @Override
        public String toString() {
            return "Verdict[" + (reply != null ? "reply" : String.valueOf(failure)) + "]";
        }

        static Verdict success(LarkReply reply) {
            return new Verdict(reply, null, null, null);
        }

        static Verdict fail(Throwable failure) {
            return new Verdict(null, failure, null, null);
        }
    }

    private Verdict judge(LarkRequest request, String token, HttpResponse<Object> response, Throwable failure) {
        if (failure != null) {
            Throwable cause = unwrap(failure);
            LOG.debug("{} failed: {}", request.description(), cause.toString());
            return Verdict.fail(cause);
        }
        String logId = logId(response.headers());
        if (response.body() instanceof InputStream) {
            return Verdict.success(new LarkReply(response.statusCode(), response.headers(), logId, Map.of(),
                    (InputStream) response.body()));
        }
        byte[] bytes = (byte[]) response.body();
        int status = response.statusCode();
        Map<String, Object> envelope = parse(bytes);
        if (envelope == null) {
            return Verdict.fail(new LarkApiException(request.description(), -1,
                    "reply is not a Lark JSON envelope: " + snippet(bytes), status, logId, null));
        }
        long code = code(envelope);
        LOG.debug("{} -> HTTP {} code {} logId {}", request.description(), status, code, logId);
        if (code == 0 && status < 400) {
            return Verdict.success(new LarkReply(status, response.headers(), logId, envelope, null));
        }
        LarkApiException error = new LarkApiException(request.description(), code, message(envelope), status, logId,
                errorObject(envelope));
        boolean tokenRejected = LarkCodes.isInvalidToken(code) && request.auth() == LarkRequest.Auth.TENANT;
        return new Verdict(null, error, rateLimitReset(response.headers()), tokenRejected ? token : null);
    }

    private CompletableFuture<LarkReply> next(LarkRequest request, int retries, boolean tokenRenewed, Verdict verdict) {
        if (verdict.reply() != null) {
            return CompletableFuture.completedFuture(verdict.reply());
        }
        Throwable failure = verdict.failure();
        if (verdict.invalidToken() != null && !tokenRenewed) {
            tokens.evict(verdict.invalidToken());
            return attempt(request, retries, true);
        }
        boolean rateLimited = failure instanceof LarkApiException && ((LarkApiException) failure).isRateLimited();
        boolean transientFailure = failure instanceof IOException || isServerError(failure);
        // a throttled call was refused before it took effect, so it can be repeated; a 5xx or a lost reply may
        // have been applied, so only calls that are safe twice (reads, uuid-carrying writes) are repeated
        boolean mayRepeat = rateLimited ? request.isReplayable() : transientFailure && request.isIdempotent();
        if (!mayRepeat || retries >= retryPolicy.maxRetries()) {
            return CompletableFuture.failedFuture(failure);
        }
        Duration wait = rateLimited && verdict.rateLimitReset() != null
                ? retryPolicy.bounded(verdict.rateLimitReset()) : retryPolicy.backoff(retries);
        LOG.debug("{}: retry {} of {} in {} ms after {}", request.description(), retries + 1, retryPolicy.maxRetries(),
                wait.toMillis(), failure.toString());
        return later(wait, () -> attempt(request, retries + 1, tokenRenewed));
    }

    private static boolean isServerError(Throwable failure) {
        return failure instanceof LarkApiException && ((LarkApiException) failure).getHttpStatus() >= 500;
    }

    private CompletableFuture<LarkReply> later(Duration wait, Supplier<CompletableFuture<LarkReply>> call) {
        CompletableFuture<LarkReply> result = new CompletableFuture<>();
        try {
            Runnable retry = () -> call.get().whenComplete((reply, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(unwrap(failure));
                } else {
                    result.complete(reply);
                }
            });
            scheduler.schedule(retry, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("Lark client is stopped; retry abandoned", e));
        }
        return result;
    }

    private Map<String, Object> parse(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return mapper.readValue(bytes, JSON_OBJECT);
        } catch (IOException e) {
            return null;
        }
    }

    /** The business code; legacy custom-bot replies say {@code StatusCode} instead of {@code code}. */
    private static long code(Map<String, Object> envelope) {
        Object code = envelope.containsKey("code") ? envelope.get("code") : envelope.get("StatusCode");
        return code instanceof Number ? ((Number) code).longValue() : -1;
    }

    private static String message(Map<String, Object> envelope) {
        Object msg = envelope.containsKey("msg") ? envelope.get("msg") : envelope.get("StatusMessage");
        return msg == null ? null : msg.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> errorObject(Map<String, Object> envelope) {
        Object error = envelope.get("error");
        return error instanceof Map ? (Map<String, Object>) error : null;
    }

    static String logId(HttpHeaders headers) {
        return headers.firstValue("X-Tt-Logid").or(() -> headers.firstValue("X-Request-Id")).orElse(null);
    }

    private static Duration rateLimitReset(HttpHeaders headers) {
        return headers.firstValue("x-ogw-ratelimit-reset").map(value -> {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    private static String snippet(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
        return bytes.length > 200 ? text + "..." : text;
    }

    /** The failure behind any number of CompletionException wrappers. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
