package io.github.camellark.lark.testkit.ws;

import java.nio.charset.StandardCharsets;

/** A plain HTTP answer, independent of the server that carries it (the facade's router or {@link DiscoveryHttpServer}). */
public record HttpReply(int status, String contentType, String body) {

    static HttpReply json(int status, String body) {
        return new HttpReply(status, "application/json; charset=utf-8", body);
    }

    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
