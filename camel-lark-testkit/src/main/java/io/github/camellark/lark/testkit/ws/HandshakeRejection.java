package io.github.camellark.lark.testkit.ws;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the server refuses a WebSocket upgrade: no 101, but the headers {@code Handshake-Status},
 * {@code Handshake-Msg} and optionally {@code Handshake-Autherrcode}. The SDK needs both
 * status and msg to classify the failure; without them it treats the refusal as a server error and retries.
 * <p>
 * The HTTP status line repeats {@code Handshake-Status}; what the real gateway puts there is unverified.
 */
public record HandshakeRejection(int status, String message, Integer authErrorCode) {

    public static final int AUTH_FAILED = 514;
    public static final int FORBIDDEN = 403;
    public static final int EXCEED_CONNECTION_LIMIT = 1000040350;

    /** 514 + 1000040350: more than the allowed connections (50 at Lark). Client error: the SDK stops. */
    public static HandshakeRejection connectionLimit() {
        return new HandshakeRejection(AUTH_FAILED, "exceed connection limit", EXCEED_CONNECTION_LIMIT);
    }

    /** 403: forbidden. Client error: the SDK stops. */
    public static HandshakeRejection forbidden() {
        return new HandshakeRejection(FORBIDDEN, "forbidden", null);
    }

    /** 514 with another auth error code: the SDK retries with a fresh endpoint. Which codes exist is unverified. */
    public static HandshakeRejection authFailed(Integer authErrorCode, String message) {
        return new HandshakeRejection(AUTH_FAILED, message, authErrorCode);
    }

    /** The ticket in the URL was not issued by discovery or was used already (the simulator's own rule). */
    static HandshakeRejection invalidTicket() {
        return authFailed(null, "invalid ticket");
    }

    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Handshake-Status", Integer.toString(status));
        headers.put("Handshake-Msg", message);
        if (authErrorCode != null) {
            headers.put("Handshake-Autherrcode", Integer.toString(authErrorCode));
        }
        return headers;
    }
}
