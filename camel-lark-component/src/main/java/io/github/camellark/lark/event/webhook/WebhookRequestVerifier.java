package io.github.camellark.lark.event.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkConfiguration;
import io.github.camellark.lark.event.EventCrypto;
import io.github.camellark.lark.event.EventEnvelope;

/**
 * Decides whether a webhook request really comes from Lark, and turns it into a plaintext {@link EventEnvelope}
 * (<a href="https://open.feishu.cn/document/ukTMukTMukTM/uYDNxYjL2QTM24iN0EjN/event-subscription-configure-/encrypt-key-encryption-configuration-case">Lark: receiving events</a>):
 * <ol>
 * <li>the body is a JSON object; with an Encrypt Key it must be {@code {"encrypt":...}} and is decrypted;</li>
 * <li>challenges only need the verification token (the SDKs skip the signature for them);</li>
 * <li>with an Encrypt Key, {@code X-Lark-Signature} = SHA-256 over the raw body must match; without one, a legacy card
 * callback must carry the SHA-1 signature made with the verification token (when one is set);</li>
 * <li>optional replay window on {@code X-Lark-Request-Timestamp};</li>
 * <li>the verification token in the body must match (legacy card callbacks are covered by their signature instead).</li>
 * </ol>
 * Every refusal is a {@link WebhookRejection} whose reason names the check, never a secret.
 */
final class WebhookRequestVerifier {

    static final String TIMESTAMP = "X-Lark-Request-Timestamp";
    static final String NONCE = "X-Lark-Request-Nonce";
    static final String SIGNATURE = "X-Lark-Signature";
    private static final byte[] ENCRYPT_PREFIX = "{\"encrypt\":\"".getBytes(StandardCharsets.US_ASCII);

    private final String encryptKey;
    private final EventCrypto crypto;
    private final String verificationToken;
    private final Duration maxRequestAge;
    private final ObjectMapper mapper;
    private final Clock clock;

    WebhookRequestVerifier(LarkConfiguration configuration, ObjectMapper mapper, Clock clock) {
        this.encryptKey = emptyToNull(configuration.getEncryptKey());
        this.crypto = encryptKey == null ? null : EventCrypto.forEncryptKey(encryptKey);
        this.verificationToken = emptyToNull(configuration.getVerificationToken());
        this.maxRequestAge = Duration.ofMillis(configuration.getMaxRequestAge());
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The signature headers of one request. */
    interface Headers {
        String get(String name);
    }

    EventEnvelope verify(byte[] body, Headers headers) {
        EventEnvelope envelope = plaintext(body);
        if (envelope.kind() == EventEnvelope.Kind.CHALLENGE) {
            checkToken(envelope);
            return envelope;
        }
        checkSignature(body, headers, envelope);
        checkAge(headers);
        if (envelope.kind() != EventEnvelope.Kind.LEGACY_CARD_ACTION) {
            checkToken(envelope);
        }
        return envelope;
    }

    private EventEnvelope plaintext(byte[] body) {
        String encrypted = encryptField(body);
        if (encrypted != null) {
            if (encryptKey == null) {
                throw WebhookRejection.badRequest("the body is encrypted but no encryptKey is configured");
            }
            byte[] plaintext;
            try {
                plaintext = crypto.decrypt(encrypted);
            } catch (IllegalArgumentException e) {
                throw WebhookRejection.badRequest(e.getMessage());
            }
            try {
                return EventEnvelope.parse(plaintext, mapper);
            } catch (IllegalArgumentException e) {
                // the same answer as for bad padding: no oracle telling the two apart
                throw WebhookRejection.badRequest(EventCrypto.WRONG_KEY);
            }
        } else if (encryptKey != null) {
            // Lark encrypts every request once an Encrypt Key is set; the SDKs refuse plain bodies then
            throw WebhookRejection.badRequest("the body is not encrypted although an encryptKey is configured");
        }
        try {
            return EventEnvelope.parse(body, mapper);
        } catch (IllegalArgumentException e) {
            throw WebhookRejection.badRequest(e.getMessage());
        }
    }

    /**
     * The {@code encrypt} field of the body, or null for a plain body; read by streaming over the body, which is all an
     * encrypted body has to say before it is decrypted.
     */
    private String encryptField(byte[] body) {
        String exact = exactEncryptBody(body);
        if (exact != null) {
            return exact;
        }
        String encrypted = null;
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw WebhookRejection.badRequest("the body is not JSON");
            }
            if (first != JsonToken.START_OBJECT) {
                throw WebhookRejection.badRequest("the body is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("encrypt".equals(name)) {
                    if (value != JsonToken.VALUE_STRING) {
                        throw WebhookRejection.badRequest("the encrypt field is not a string");
                    }
                    encrypted = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw WebhookRejection.badRequest("the body is not JSON");
        }
        return encrypted;
    }

    /**
     * The value of a body that is exactly {@code {"encrypt":"<base64>"}}, the shape Lark posts once an Encrypt Key is
     * set: read without a JSON parser. Null for any other shape (spaces, other fields, escapes), which the parser reads.
     */
    private static String exactEncryptBody(byte[] body) {
        int start = ENCRYPT_PREFIX.length;
        int end = body.length - 2;
        if (end <= start || body[end] != '"' || body[end + 1] != '}'
            || !Arrays.equals(body, 0, start, ENCRYPT_PREFIX, 0, start)) {
            return null;
        }
        for (int i = start; i < end; i++) {
            byte b = body[i];
            if (b == '"' || b == '\\' || b < 0x20 || b >= 0x7f) {
                return null;
            }
        }
        return new String(body, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private void checkSignature(byte[] body, Headers headers, EventEnvelope envelope) {
        boolean legacyCard = envelope.kind() == EventEnvelope.Kind.LEGACY_CARD_ACTION;
        if (encryptKey == null && !(legacyCard && verificationToken != null)) {
            return;
        }
        String timestamp = headers.get(TIMESTAMP);
        String nonce = headers.get(NONCE);
        String signature = headers.get(SIGNATURE);
        if (timestamp == null || nonce == null || signature == null) {
            throw WebhookRejection.unauthorized("the signature headers are missing");
        }
        boolean matches = encryptKey != null
                ? crypto.signatureMatches(timestamp, nonce, body, signature)
                : EventCrypto.constantTimeEquals(EventCrypto.legacyCardSignature(timestamp, nonce, verificationToken, body),
                        signature.trim().toLowerCase(Locale.ROOT));
        if (!matches) {
            throw WebhookRejection.unauthorized("the signature does not match");
        }
    }

    /**
     * X-Lark-Request-Timestamp is in epoch seconds, like the SDKs' mock senders send it (unverified for all pushes).
     * Without an Encrypt Key nothing signs the timestamp (and Lark may not send it at all): a missing one is let through
     * then, since a replayer could write any value into it anyway.
     */
    private void checkAge(Headers headers) {
        if (maxRequestAge.isZero() || maxRequestAge.isNegative()) {
            return;
        }
        String timestamp = headers.get(TIMESTAMP);
        if (timestamp == null && encryptKey == null) {
            return;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp.trim());
        } catch (NumberFormatException e) {
            throw WebhookRejection.unauthorized("the request timestamp is missing or not a number");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (age.compareTo(maxRequestAge) > 0) {
            throw WebhookRejection.unauthorized("the request timestamp is outside maxRequestAge");
        }
    }

    private void checkToken(EventEnvelope envelope) {
        if (verificationToken != null && !EventCrypto.constantTimeEquals(verificationToken, envelope.verificationToken())) {
            throw WebhookRejection.unauthorized("the verification token does not match");
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
