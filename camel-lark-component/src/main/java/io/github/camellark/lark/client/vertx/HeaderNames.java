package io.github.camellark.lark.client.vertx;

import java.util.Map;

import io.vertx.core.http.HttpHeaders;

/**
 * The header names camel-lark sends on every call, encoded once: Netty then neither re-encodes nor re-hashes them per
 * request. Other names pass through as they are.
 */
final class HeaderNames {

    static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
    static final CharSequence CONTENT_LENGTH = HttpHeaders.createOptimized("Content-Length");

    private static final Map<String, CharSequence> KNOWN = Map.of(
            "Content-Type", CONTENT_TYPE,
            "Content-Length", CONTENT_LENGTH,
            "Authorization", HttpHeaders.createOptimized("Authorization"),
            "User-Agent", HttpHeaders.createOptimized("User-Agent"));

    private HeaderNames() {
    }

    static CharSequence of(String name) {
        CharSequence known = KNOWN.get(name);
        return known != null ? known : name;
    }
}
