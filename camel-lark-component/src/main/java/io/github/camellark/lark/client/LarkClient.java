package io.github.camellark.lark.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.client.flow.FlowControl;
import io.github.camellark.lark.client.flow.Permit;
import io.github.camellark.lark.client.http.HttpCall;
import io.github.camellark.lark.client.http.HttpReply;
import io.github.camellark.lark.client.http.HttpTransport;
import io.github.camellark.lark.client.http.RequestBody;
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
 * The token fetch and the long connection's endpoint discovery go through a client like this one too, so every call to
 * Lark shares one envelope reader and one retry policy.
 * <p>
 * Threads: the transport completes replies on its I/O threads. {@link #call} hands the outcome to the
 * {@code continuation} executor, where the route goes on, so a route that blocks never stalls the I/O threads;
 * {@link #callOnIoThread} does not, for callers that never block (token fetch, discovery).
 * <p>
 * With a {@link FlowControl}, each attempt of a call made with credentials first waits for its place under the app's
 * and the receiver's rate limits (on a timer, never on a thread), and holds it until Lark answers.
 */
public final class LarkClient {

    public static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";
    static final String USER_AGENT = "camel-lark/0.1";
    private static final Logger LOG = LoggerFactory.getLogger(LarkClient.class);

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

    private final HttpTransport transport;
    private final URI baseUri;
    private final TokenProvider tokens;
    private final ObjectMapper mapper;
    private final Executor continuation;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final FlowControl flowControl;
    private final CallStatistics statistics;

    /**
     * @param tokens       where tenant tokens come from; {@link TokenProvider#NONE} for a client that only makes calls
     *                     without credentials (the token fetch itself)
     * @param continuation where {@link #call} completes, and so where routes go on after a {@code lark:} step
     */
    public LarkClient(HttpTransport transport, URI baseUri, TokenProvider tokens, ObjectMapper mapper, Executor continuation,
                      Duration requestTimeout, RetryPolicy retryPolicy) {
        this(transport, baseUri, tokens, mapper, continuation, requestTimeout, retryPolicy, null, new CallStatistics());
    }

    /**
     * @param flowControl the app's rate limits, or null for none
     * @param statistics  where the client counts its calls
     */
    public LarkClient(HttpTransport transport, URI baseUri, TokenProvider tokens, ObjectMapper mapper, Executor continuation,
                      Duration requestTimeout, RetryPolicy retryPolicy, FlowControl flowControl, CallStatistics statistics) {
        this.flowControl = flowControl;
        this.statistics = statistics;
        this.transport = transport;
        this.baseUri = baseUri;
        this.tokens = tokens;
        this.mapper = mapper;
        this.continuation = continuation;
        this.requestTimeout = requestTimeout;
        this.retryPolicy = retryPolicy;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public CallStatistics statistics() {
        return statistics;
    }

    /** Timers of the client's transport, for components of the client that wait (ticket waits). */
    public HttpTransport transport() {
        return transport;
    }

    /** Sends the request; the returned future completes on the continuation executor, never on an I/O thread. */
    public CompletableFuture<LarkReply> call(LarkRequest request) {
        CompletableFuture<LarkReply> result = new CompletableFuture<>();
        callOnIoThread(request).whenComplete((reply, failure) -> {
            Runnable complete = () -> {
                if (failure != null) {
                    result.completeExceptionally(unwrap(failure));
                } else {
                    result.complete(reply);
                }
            };
            try {
                continuation.execute(complete);
            } catch (RejectedExecutionException stopping) {
                complete.run();
            }
        });
        return result;
    }

    /** Sends the request; the returned future may complete on an I/O thread, so its dependents must not block. */
    public CompletableFuture<LarkReply> callOnIoThread(LarkRequest request) {
        statistics.started();
        return attempt(request, 0, false).whenComplete((reply, failure) -> {
            if (failure != null) {
                statistics.failed(unwrap(failure));
            } else {
                statistics.success();
            }
        });
    }

    private CompletableFuture<LarkReply> attempt(LarkRequest request, int retries, boolean tokenRenewed) {
        return credential(request)
                .thenCompose(token -> admit(request).thenCompose(permit -> send(request, token).handle((reply, failure) -> {
                    Verdict verdict = judge(request, token, reply, failure);
                    permit.answered(reply == null ? null : reply.headers(), reply == null ? 0 : reply.status(), verdict.code());
                    return verdict;
                })))
                .thenCompose(verdict -> next(request, retries, tokenRenewed, verdict));
    }

    /**
     * A place under the rate limits for calls made with credentials: the app's limits hold for Lark's IM APIs (where Lark
     * documents them), the receiver's for calls that name one. Custom bots and token calls go as they are.
     */
    private CompletableFuture<Permit> admit(LarkRequest request) {
        if (flowControl == null || request.auth() == LarkRequest.Auth.NONE) {
            return CompletableFuture.completedFuture(Permit.NONE);
        }
        boolean imApi = request.path() != null && request.path().startsWith("/open-apis/im/");
        return flowControl.admit(request.tenantKey(), request.rateLimitKey(), imApi).thenApply(permit -> {
            statistics.waited(permit.waitedNanos());
            return permit;
        });
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

    private CompletableFuture<HttpReply> send(LarkRequest request, String token) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(3);
        headers.add(Map.entry("User-Agent", USER_AGENT));
        if (token != null) {
            headers.add(Map.entry("Authorization", "Bearer " + token));
        }
        headers.addAll(request.headers().entrySet());
        URI uri;
        try {
            uri = uri(request);
        } catch (IllegalArgumentException e) {
            // URI.create quotes the whole URL, and a custom bot's URL carries its token: say which call, not the URL
            return CompletableFuture.failedFuture(new IllegalArgumentException(request.description() + ": not a valid URL"));
        }
        RequestBody body;
        try {
            body = body(request, headers);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        Predicate<HttpCall.ReplyHead> stream = request.isDownload() ? LarkClient::isFile : HttpCall.BUFFERED;
        return transport.exchange(new HttpCall(request.method(), uri, headers, body, requestTimeout, stream));
    }

    private RequestBody body(LarkRequest request, List<Map.Entry<String, String>> headers) throws IOException {
        if (request.body() != null) {
            return request.body();
        }
        if (request.json() == null) {
            // Lark returns Content-Disposition on downloads only when the request says JSON
            headers.add(Map.entry("Content-Type", JSON_CONTENT_TYPE));
            return null;
        }
        return RequestBody.of(mapper.writeValueAsBytes(request.json()), JSON_CONTENT_TYPE);
    }

    /** A download's reply is the file unless Lark answered with a JSON error envelope. */
    private static boolean isFile(HttpCall.ReplyHead head) {
        String type = head.headers().first("Content-Type");
        return head.status() == 200 && (type == null || !type.startsWith("application/json"));
    }

    private URI uri(LarkRequest request) {
        String base = request.absoluteUri() != null ? request.absoluteUri().toString() : baseUri + request.path();
        if (request.query().isEmpty()) {
            return URI.create(base);
        }
        StringBuilder uri = new StringBuilder(base.length() + 64).append(base);
        char separator = base.indexOf('?') >= 0 ? '&' : '?';
        for (Map.Entry<String, String> parameter : request.query().entrySet()) {
            uri.append(separator).append(LarkRequest.encodeQuery(parameter.getKey())).append('=')
                    .append(LarkRequest.encodeQuery(parameter.getValue()));
            separator = '&';
        }
        return URI.create(uri.toString());
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

        long code() {
            return failure instanceof LarkApiException lark ? lark.getCode() : 0;
        }
    }

    private Verdict judge(LarkRequest request, String token, HttpReply response, Throwable failure) {
        if (failure != null) {
            Throwable cause = unwrap(failure);
            if (cause instanceof IOException io && !(io instanceof RequestBody.SourceException)) {
                cause = network(request, io);
            }
            LOG.debug("{} failed: {}", request.description(), cause.toString());
            return Verdict.fail(cause);
        }
        String logId = Envelopes.logId(response.headers());
        if (response.stream() != null) {
            return Verdict.success(new LarkReply(response.headers(), logId, Map.of(), response.stream()));
        }
        byte[] bytes = response.body();
        int status = response.status();
        Map<String, Object> envelope = Envelopes.parse(mapper, bytes);
        if (envelope == null) {
            return Verdict.fail(new LarkApiException(request.description(), -1,
                    "reply is not a Lark JSON envelope: " + Envelopes.snippet(bytes), status, logId, null));
        }
        long code = Envelopes.code(envelope);
        LOG.debug("{} -> HTTP {} code {} logId {}", request.description(), status, code, logId);
        if (code == 0 && status < 400) {
            return Verdict.success(new LarkReply(response.headers(), logId, envelope, null));
        }
        LarkApiException error = new LarkApiException(request.description(), code, Envelopes.message(envelope), status, logId,
                Envelopes.errorObject(envelope));
        boolean tokenRejected = LarkCodes.isInvalidToken(code) && request.auth() == LarkRequest.Auth.TENANT;
        return new Verdict(null, error, Envelopes.rateLimitReset(response.headers()), tokenRejected ? token : null);
    }

    /**
     * A network failure that says where it happened: the scheme, host and port (never the path, which for a custom bot is
     * a secret) and the option that chose them.
     */
    private IOException network(LarkRequest request, IOException failure) {
        URI target = request.absoluteUri() != null ? request.absoluteUri() : baseUri;
        String where = target.getScheme() + "://" + target.getHost() + (target.getPort() < 0 ? "" : ":" + target.getPort());
        String option = request.absoluteUri() != null ? "the webhookUrl option" : "the baseUri or domain option";
        String cause = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return new IOException(request.description() + ": cannot reach Lark at " + where + " (host " + target.getHost()
                               + ", set by " + option + "): " + cause, failure);
    }

    private CompletableFuture<LarkReply> next(LarkRequest request, int retries, boolean tokenRenewed, Verdict verdict) {
        if (verdict.reply() != null) {
            return CompletableFuture.completedFuture(verdict.reply());
        }
        Throwable failure = verdict.failure();
        if (verdict.invalidToken() != null && !tokenRenewed) {
            tokens.evict(verdict.invalidToken());
            if (!request.isReplayable()) {
                // the next call gets a fresh token; this one cannot send its one-shot stream again
                LOG.debug("{}: token rejected; the one-shot body cannot be sent again", request.description());
                return CompletableFuture.failedFuture(failure);
            }
            statistics.retried();
            return attempt(request, retries, true);
        }
        boolean rateLimited = failure instanceof LarkApiException && ((LarkApiException) failure).isRateLimited();
        boolean transientFailure = failure instanceof IOException && !(failure instanceof RequestBody.SourceException)
                                   || isServerError(failure);
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
        statistics.retried();
        return later(wait, () -> attempt(request, retries + 1, tokenRenewed));
    }

    private static boolean isServerError(Throwable failure) {
        return failure instanceof LarkApiException && ((LarkApiException) failure).getHttpStatus() >= 500;
    }

    private CompletableFuture<LarkReply> later(Duration wait, Supplier<CompletableFuture<LarkReply>> call) {
        CompletableFuture<LarkReply> result = new CompletableFuture<>();
        try {
            transport.schedule(wait.toMillis(), () -> call.get().whenComplete((reply, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(unwrap(failure));
                } else {
                    result.complete(reply);
                }
            }));
        } catch (RuntimeException stopped) {
            result.completeExceptionally(new IllegalStateException("Lark client is stopped; retry abandoned", stopped));
        }
        return result;
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
