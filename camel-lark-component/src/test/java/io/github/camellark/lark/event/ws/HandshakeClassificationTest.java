package io.github.camellark.lark.event.ws;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import io.github.camellark.lark.client.http.HandshakeRefusedException;
import io.github.camellark.lark.client.http.Headers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which handshake refusals stop the transport and which are retried; header names are matched without case. */
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
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (status != null) {
            headers.add(Map.entry("Handshake-Status", status));
        }
        if (authCode != null) {
            headers.add(Map.entry("handshake-autherrcode", authCode));
        }
        if (message != null) {
            headers.add(Map.entry("Handshake-Msg", message));
        }
        return new CompletionException(new HandshakeRefusedException("wss://lark.example/ws", httpStatus, Headers.of(headers)));
    }
}
