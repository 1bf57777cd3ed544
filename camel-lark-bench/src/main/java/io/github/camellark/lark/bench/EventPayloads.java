package io.github.camellark.lark.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camellark.lark.testkit.events.AppIdentity;
import io.github.camellark.lark.testkit.events.EventCrypto;
import io.github.camellark.lark.testkit.events.EventUser;
import io.github.camellark.lark.testkit.events.LarkEvents;

/**
 * The events both receivers get, made before the clock starts so the load generator does no crypto while measuring:
 * {@code im.message.receive_v1} envelopes (schema 2.0, each with its own event id), as plaintext for the long
 * connection and as encrypted, signed webhook requests.
 */
final class EventPayloads {

    /** One webhook POST exactly as Lark sends it. */
    record SignedRequest(byte[] body, Map<String, String> headers) {
    }

    static final AppIdentity APP = new AppIdentity(BenchApp.APP_ID, "2ca1d211f64f6438", BenchApp.VERIFICATION_TOKEN);
    /**
     * The chats the events are spread over, round robin: a bot in many active chats. camel-lark routes the events of one
     * chat one at a time (orderBy=chat, the default), so events of a single chat would measure one routing thread.
     */
    static final int CHATS = 100;

    private EventPayloads() {
    }

    static String chat(int i) {
        return "oc_bench_chat_" + i % CHATS;
    }

    /** Plaintext envelopes, as pushed over the long connection (where the token is blank). */
    static List<byte[]> plaintext(int count) {
        LarkEvents events = new LarkEvents(APP);
        EventUser alice = events.user("alice");
        List<byte[]> payloads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            payloads.add(events.textMessage(alice, chat(i), BenchApp.text(i)).withToken("").toBytes());
        }
        return payloads;
    }

    /** Encrypted with the Encrypt Key and signed over the exact body bytes, as Lark posts once an Encrypt Key is set. */
    static List<SignedRequest> signedWebhooks(int count) {
        LarkEvents events = new LarkEvents(APP);
        EventUser alice = events.user("alice");
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        List<SignedRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String plaintext = events.textMessage(alice, chat(i), BenchApp.text(i)).toJson();
            byte[] body = ("{\"encrypt\":\"" + EventCrypto.encrypt(BenchApp.ENCRYPT_KEY, plaintext) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            String nonce = "nonce-" + i;
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Lark-Request-Timestamp", timestamp);
            headers.put("X-Lark-Request-Nonce", nonce);
            headers.put("X-Lark-Signature", EventCrypto.signature(timestamp, nonce, BenchApp.ENCRYPT_KEY, body));
            headers.put("X-Request-Id", "bench-" + i);
            requests.add(new SignedRequest(body, headers));
        }
        return requests;
    }
}
