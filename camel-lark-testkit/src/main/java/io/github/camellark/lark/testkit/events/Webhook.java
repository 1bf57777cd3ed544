package io.github.camellark.lark.testkit.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A webhook URL of the app and how Lark talks to it: optional Encrypt Key, response budget, redelivery
 * schedule, and optional faults. Immutable: every {@code with...} returns a new Webhook sharing the same
 * {@link WebhookPusher}.
 *
 * <pre>{@code
 * Webhook hook = pusher.webhook("http://127.0.0.1:8080/lark/events").withEncryptKey("k");
 * WebhookDelivery d = hook.push(events.textMessage(alice, chatId, "hi"));    // async, with redeliveries
 * WebhookAttempt reply = hook.send(events.cardAction(alice, msgId, chatId, Map.of("op", "ok"))); // one sync attempt
 * hook.withWrongSignatureKey("not the key").send(event);                     // negative test
 * }</pre>
 */
public final class Webhook implements EventDelivery {

    /** Lark's budget for an answer: without HTTP 200 within 3 s the push counts as failed and is retried. */
    public static final Duration LARK_RESPONSE_BUDGET = Duration.ofSeconds(3);

    private final WebhookPusher pusher;
    private final URI url;
    private final String encryptKey;
    private final String signatureKey;
    private final String encryptionKey;
    private final Tampering tampering;
    private final Duration responseBudget;
    private final RetrySchedule retrySchedule;
    private final Instant fixedTimestamp;
    private final String legacyCardToken;

    Webhook(WebhookPusher pusher, URI url) {
        this(pusher, url, null, null, null, Tampering.NONE, LARK_RESPONSE_BUDGET, RetrySchedule.lark(), null, null);
    }

    private Webhook(WebhookPusher pusher, URI url, String encryptKey, String signatureKey, String encryptionKey,
            Tampering tampering, Duration responseBudget, RetrySchedule retrySchedule, Instant fixedTimestamp,
            String legacyCardToken) {
        this.pusher = pusher;
        this.url = url;
        this.encryptKey = encryptKey;
        this.signatureKey = signatureKey;
        this.encryptionKey = encryptionKey;
        this.tampering = tampering;
        this.responseBudget = responseBudget;
        this.retrySchedule = retrySchedule;
        this.fixedTimestamp = fixedTimestamp;
        this.legacyCardToken = legacyCardToken;
    }

    /**
     * Signs old card-request-URL callbacks ({@code card.action.trigger_v1}) with SHA-1 over this Verification Token,
     * as Lark does for that URL. Other events are unaffected.
     */
    public Webhook withLegacyCardVerificationToken(String verificationToken) {
        return new Webhook(pusher, url, encryptKey, signatureKey, encryptionKey, tampering, responseBudget, retrySchedule,
                fixedTimestamp, verificationToken);
    }

    /** Encrypts bodies and signs requests with this Encrypt Key (null: plaintext, unsigned). */
    public Webhook withEncryptKey(String key) {
        return new Webhook(pusher, url, key, signatureKey, encryptionKey, tampering, responseBudget, retrySchedule, fixedTimestamp, legacyCardToken);
    }

    /** Fault: signs with another key than the Encrypt Key (the body still decrypts). */
    public Webhook withWrongSignatureKey(String wrongKey) {
        return new Webhook(pusher, url, encryptKey, wrongKey, encryptionKey, tampering, responseBudget, retrySchedule, fixedTimestamp, legacyCardToken);
    }

    /** Fault: encrypts with another key (the signature, over the body, is made with the Encrypt Key and matches). */
    public Webhook withWrongEncryptionKey(String wrongKey) {
        return new Webhook(pusher, url, encryptKey, signatureKey, wrongKey, tampering, responseBudget, retrySchedule, fixedTimestamp, legacyCardToken);
    }

    public Webhook withTampering(Tampering fault) {
        return new Webhook(pusher, url, encryptKey, signatureKey, encryptionKey, Objects.requireNonNull(fault),
                responseBudget, retrySchedule, fixedTimestamp, legacyCardToken);
    }

    /** How long Lark waits for an answer; slower answers count as failed (3 s at Lark). */
    public Webhook withResponseBudget(Duration budget) {
        return new Webhook(pusher, url, encryptKey, signatureKey, encryptionKey, tampering, budget, retrySchedule, fixedTimestamp, legacyCardToken);
    }

    /** When failed pushes are redelivered; Lark: {@link RetrySchedule#lark()} (the default). */
    public Webhook withRetrySchedule(RetrySchedule schedule) {
        return new Webhook(pusher, url, encryptKey, signatureKey, encryptionKey, tampering, responseBudget, schedule, fixedTimestamp, legacyCardToken);
    }

    /** Sends this {@code X-Lark-Request-Timestamp} instead of "now": for replay-window tests. */
    public Webhook withTimestamp(Instant timestamp) {
        return new Webhook(pusher, url, encryptKey, signatureKey, encryptionKey, tampering, responseBudget, retrySchedule, timestamp, legacyCardToken);
    }

    public URI url() {
        return url;
    }

    public Duration responseBudget() {
        return responseBudget;
    }

    public RetrySchedule retrySchedule() {
        return retrySchedule;
    }

    // ---- sending -----------------------------------------------------------------------------

    /**
     * Pushes the event in the background the way Lark does: first attempt now; if it fails (not HTTP 200 within
     * the budget) it is redelivered, same event id, per the retry schedule. Callbacks
     * ({@link LarkEvent#isCallback()}) get a single attempt, as at Lark.
     */
    public WebhookDelivery push(LarkEvent event) {
        return pusher.push(this, event);
    }

    /** Fault "duplicate delivery": pushes the same event {@code copies} times, each with its own redeliveries. */
    public List<WebhookDelivery> pushDuplicates(LarkEvent event, int copies) {
        List<WebhookDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            deliveries.add(push(event));
        }
        return deliveries;
    }

    @Override
    public void deliver(LarkEvent event) {
        push(event);
    }

    /** One attempt (callbacks are not redelivered); answered when the app replied HTTP 200 within the budget. */
    @Override
    public CompletableFuture<CallbackAnswer> deliverCallback(LarkEvent event) {
        WebhookDelivery delivery = push(event);
        return delivery.whenFinished().thenApply(state -> delivery.lastAttempt()
                .filter(WebhookAttempt::acknowledged)
                .map(attempt -> CallbackAnswer.of(attempt.responseBody()))
                .orElseGet(() -> CallbackAnswer.unanswered(delivery.lastAttempt()
                        .map(attempt -> attempt.outcome() + (attempt.status() > 0 ? " (HTTP " + attempt.status() + ")" : ""))
                        .orElse("not sent") + " at " + url)));
    }

    /** One attempt on the calling thread, no redelivery: for the challenge, card callbacks and negative tests. */
    public WebhookAttempt send(LarkEvent event) {
        return pusher.sendNow(this, prepare(event), event);
    }

    /** One attempt with an arbitrary body (non-JSON, oversize...), signed like any other body when a key is set. */
    public WebhookAttempt sendRaw(byte[] body) {
        return pusher.sendNow(this, sign(body.clone()), null);
    }

    /** Every push made through this URL by the pusher, in order. */
    public List<WebhookDelivery> deliveries() {
        return pusher.deliveries().stream().filter(d -> d.url().equals(url)).toList();
    }

    // ---- request building --------------------------------------------------------------------

    /**
     * The exact request a push of {@code event} sends (fresh timestamp, nonce and IV each time). Redeliveries are
     * prepared afresh too; whether Lark re-signs or resends the same bytes is unverified.
     */
    public WebhookRequest prepare(LarkEvent event) {
        if (event.schema() == LarkEvent.Schema.LEGACY_CARD && legacyCardToken != null) {
            return signLegacyCard(body(event.toJson()));
        }
        return sign(body(event.toJson()));
    }

    private WebhookRequest signLegacyCard(byte[] body) {
        WebhookRequest plain = withoutSignature().sign(body);
        Map<String, String> headers = new LinkedHashMap<>(plain.headers());
        String signature = EventCrypto.legacyCardSignature(headers.get(WebhookRequest.TIMESTAMP), headers.get(WebhookRequest.NONCE),
                signatureKey != null ? signatureKey : legacyCardToken, plain.body());
        headers.put(WebhookRequest.SIGNATURE, tampering == Tampering.SIGNATURE ? flipLastHexDigit(signature) : signature);
        return new WebhookRequest(url, plain.body(), headers);
    }

    private Webhook withoutSignature() {
        return new Webhook(pusher, url, null, null, null, Tampering.NONE, responseBudget, retrySchedule, fixedTimestamp, null);
    }

    private byte[] body(String json) {
        String plaintext = tampering == Tampering.NOT_JSON ? "this is not json" : json;
        if (encryptKey == null) {
            if (tampering == Tampering.BAD_BASE64 || tampering == Tampering.TRUNCATED_CIPHERTEXT) {
                throw new IllegalStateException(tampering + " needs an Encrypt Key");
            }
            return plaintext.getBytes(StandardCharsets.UTF_8);
        }
        String encrypted = EventCrypto.encrypt(encryptionKey != null ? encryptionKey : encryptKey, plaintext);
        if (tampering == Tampering.BAD_BASE64) {
            encrypted = "%%" + encrypted.substring(2, encrypted.length() - 2) + "%%";
        } else if (tampering == Tampering.TRUNCATED_CIPHERTEXT) {
            byte[] raw = Base64.getDecoder().decode(encrypted);
            encrypted = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, raw.length - 5));
        }
        return EventCrypto.bodyOf(encrypted).getBytes(StandardCharsets.UTF_8);
    }

    private WebhookRequest sign(byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        // What Lark sends: Content-Type and the X-Lark-* headers (the SDKs also read X-Request-Id as a request id). The
        // receiving SDKs verify only X-Lark-Signature = sha256_hex(timestamp + nonce + encryptKey + raw body), and only
        // when an Encrypt Key is configured; the Node SDK computes it over its own re-serialisation of the parsed body,
        // so the body must stay compact JSON (see EventCrypto.bodyOf). Whether Lark adds a User-Agent is unverified: none is sent.
        headers.put("Content-Type", "application/json");
        String timestamp = Long.toString((fixedTimestamp != null ? fixedTimestamp : Clock.systemUTC().instant()).getEpochSecond());
        String nonce = Ids.lowerAlnum(16);
        headers.put(WebhookRequest.TIMESTAMP, timestamp);
        headers.put(WebhookRequest.NONCE, nonce);
        headers.put(WebhookRequest.REQUEST_ID, Ids.hex(32));
        // Lark signs only when an Encrypt Key is configured; whether it sends the headers without one is unverified
        // (the SDKs check signatures only with a key), so without a key only timestamp and nonce go out.
        if (encryptKey != null && tampering != Tampering.MISSING_SIGNATURE) {
            String signature = EventCrypto.signature(timestamp, nonce, signatureKey != null ? signatureKey : encryptKey, body);
            if (tampering == Tampering.SIGNATURE) {
                signature = flipLastHexDigit(signature);
            }
            headers.put(WebhookRequest.SIGNATURE, signature);
        }
        if (tampering == Tampering.BODY_AFTER_SIGNING) {
            body = alterOneCharacter(body);
        }
        return new WebhookRequest(url, body, headers);
    }

    private static String flipLastHexDigit(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }

    /** Changes one letter inside the body while keeping it well-formed (JSON, base64). */
    private static byte[] alterOneCharacter(byte[] body) {
        byte[] altered = body.clone();
        for (int i = altered.length / 2; i < altered.length; i++) {
            if (altered[i] >= 'a' && altered[i] <= 'y') {
                altered[i]++;
                return altered;
            }
            if (altered[i] >= 'A' && altered[i] <= 'Y') {
                altered[i]++;
                return altered;
            }
        }
        throw new IllegalStateException("body has no letter to alter");
    }

    @Override
    public String toString() {
        return "Webhook[" + url + (encryptKey != null ? ", encrypted" : "") + (tampering != Tampering.NONE ? ", " + tampering : "") + "]";
    }
}
