package io.github.camellark.lark.event.ws;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which handshake refusals stop the transport and which are retried (lark-events.md §3.3). */
class HandshakeClassificationTest {

    @Test
    void connectionLimitIsAClientError() {
        LongConnectionException error = WebSocketTransport.classify(refused(514, "514", "1000040350", "exceed conn limit"));

        assertThat(error.isRetryable()).isFalse();
        assertThat(error.getCode()).isEqualTo(1000040350L);
        assertThat(error.getMessage()).contains("Handshake-Status 514", "1000040350", "at most 50 long connections");
    }

    @Test
    void forbiddenIsAClientError() {
        LongConnectionException error = WebSocketTransport.classify(refused(403, "403", null, null));

        assertThat(error.isRetryable()).isFalse();
        assertThat(error.getMessage()).contains("forbidden");
    }

    @Test
    void otherAuthFailuresAndMissingHeadersAreRetried() {
        assertThat(WebSocketTransport.classify(refused(514, "514", "1000040351", "auth failed")).isRetryable()).isTrue();
        assertThat(WebSocketTransport.classify(refused(502, null, null, null)).isRetryable()).isTrue();
    }

    @Test
    void ioErrorsAreRetriedAndKnownErrorsKeptAsTheyAre() {
        assertThat(WebSocketTransport.classify(new CompletionException(new IOException("reset"))))
                .matches(LongConnectionException::isRetryable).hasMessageContaining("IOException: reset");
        LongConnectionException known = new LongConnectionException("bad credentials", false, 10014, null);
        assertThat(WebSocketTransport.classify(new CompletionException(known))).isSameAs(known);
    }

    private static CompletionException refused(int httpStatus, String status, String authCode, String message) {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        if (status != null) {
            headers.put("Handshake-Status", List.of(status));
        }
        if (authCode != null) {
            headers.put("Handshake-Autherrcode", List.of(authCode));
        }
        if (message != null) {
            headers.put("Handshake-Msg", List.of(message));
        }
        return new CompletionException(new WebSocketHandshakeException(response(httpStatus, HttpHeaders.of(headers, (k, v) -> true))));
    }

    private static HttpResponse<Object> response(int status, HttpHeaders headers) {
        return new HttpResponse<>() {
            public int statusCode() {
                return status;
            }

            public HttpRequest request() {
                return null;
            }

            public Optional<HttpResponse<Object>> previousResponse() {
                return Optional.empty();
            }

            public HttpHeaders headers() {
                return headers;
            }

            public Object body() {
                return null;
            }

            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            public URI uri() {
                return URI.create("ws://127.0.0.1/ws/v2");
            }

            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
