package io.github.camellark.lark.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What Lark posts, built on the test side with the JDK alone (an implementation independent of the component's): event
 * envelopes, encryption (AES-256-CBC with the JDK's PKCS5 padding, which is PKCS#7 for 16-byte blocks) and signatures.
 */
public final class LarkBodies {

    public static final String APP = "cli_a1b2c3d4e5f60718";
    public static final String TENANT = "2ca1d211f64f6438";

    /** When the events were created (milliseconds): now, so that no event is older than maxEventAge. */
    public static final long CREATED = System.currentTimeMillis();
    /** Schema 1.0 events carry seconds with a fraction; in milliseconds, this is {@link #SCHEMA_1_CREATED_MILLIS}. */
    public static final String SCHEMA_1_TS = CREATED / 1000 + ".7171419";
    public static final long SCHEMA_1_CREATED_MILLIS = CREATED / 1000 * 1000 + 717;

    private static final SecureRandom RANDOM = new SecureRandom();

    private LarkBodies() {
    }

    /** A schema 2.0 {@code im.message.receive_v1} event. */
    public static String messageReceived(String eventId, String token, String text) {
        return "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"" + eventId + "\",\"event_type\":\"im.message.receive_v1\","
               + "\"create_time\":\"" + CREATED + "\",\"token\":\"" + token + "\",\"app_id\":\"" + APP + "\",\"tenant_key\":\"" + TENANT + "\"},"
               + "\"event\":{\"sender\":{\"sender_id\":{\"union_id\":\"on_8ed6\",\"user_id\":\"e33ggbyz\",\"open_id\":\"ou_84aad35d\"},"
               + "\"sender_type\":\"user\",\"tenant_key\":\"" + TENANT + "\"},"
               + "\"message\":{\"message_id\":\"om_" + eventId + "\",\"create_time\":\"1609073151345\",\"chat_id\":\"oc_5ce6d572\","
               + "\"chat_type\":\"group\",\"message_type\":\"text\",\"content\":\"{\\\"text\\\":\\\"" + text + "\\\"}\"}}}";
    }

    /** A schema 2.0 {@code im.message.receive_v1} event in the given chat. */
    public static String messageInChat(String eventId, String chatId, String text) {
        return messageReceived(eventId, "", text).replace("oc_5ce6d572", chatId);
    }

    /** Any schema 2.0 event with an empty-ish body. */
    public static String event(String eventId, String eventType, String token) {
        return "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"" + eventId + "\",\"event_type\":\"" + eventType + "\","
               + "\"create_time\":\"" + CREATED + "\",\"token\":\"" + token + "\",\"app_id\":\"" + APP + "\",\"tenant_key\":\"" + TENANT + "\"},"
               + "\"event\":{\"message_id\":\"om_x\",\"chat_id\":\"oc_x\"}}";
    }

    /** A schema 2.0 {@code card.action.trigger} callback. */
    public static String cardAction(String eventId, String token, String cardToken) {
        return "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"" + eventId + "\",\"event_type\":\"card.action.trigger\","
               + "\"create_time\":\"" + CREATED + "\",\"token\":\"" + token + "\",\"app_id\":\"" + APP + "\",\"tenant_key\":\"" + TENANT + "\"},"
               + "\"event\":{\"operator\":{\"tenant_key\":\"" + TENANT + "\",\"open_id\":\"ou_7dab8a3d\"},\"token\":\"" + cardToken + "\","
               + "\"action\":{\"value\":{\"op\":\"approve\",\"ticket\":\"42\"},\"tag\":\"button\",\"name\":\"approve_btn\"},"
               + "\"host\":\"im_message\",\"context\":{\"open_message_id\":\"om_dc13\",\"open_chat_id\":\"oc_e95e\"}}}";
    }

    /** A legacy card request URL callback: flat JSON without an envelope. */
    public static String legacyCardAction(String cardToken) {
        return "{\"open_id\":\"ou_7dab8a3d\",\"user_id\":\"e33ggbyz\",\"open_message_id\":\"om_dc13\",\"open_chat_id\":\"oc_e95e\","
               + "\"tenant_key\":\"" + TENANT + "\",\"token\":\"" + cardToken + "\",\"action\":{\"value\":{\"op\":\"approve\"},\"tag\":\"button\"}}";
    }

    /** A schema 1.0 {@code app_ticket} event (store apps). */
    public static String appTicket(String uuid, String token, String appId, String ticket) {
        return "{\"ts\":\"" + SCHEMA_1_TS + "\",\"uuid\":\"" + uuid + "\",\"token\":\"" + token + "\",\"type\":\"event_callback\","
               + "\"event\":{\"app_id\":\"" + appId + "\",\"app_ticket\":\"" + ticket + "\",\"type\":\"app_ticket\"}}";
    }

    public static String challenge(String challenge, String token) {
        return "{\"challenge\":\"" + challenge + "\",\"token\":\"" + token + "\",\"type\":\"url_verification\"}";
    }

    /** {@code {"encrypt":"..."}} of the plaintext, with a random IV. */
    public static String encrypted(String encryptKey, String plaintext) {
        return "{\"encrypt\":\"" + encrypt(encryptKey, plaintext) + "\"}";
    }

    public static String encrypt(String encryptKey, String plaintext) {
        try {
            byte[] iv = new byte[16];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            byte[] key = MessageDigest.getInstance("SHA-256").digest(encryptKey.getBytes(StandardCharsets.UTF_8));
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[16 + ciphertext.length];
            System.arraycopy(iv, 0, all, 0, 16);
            System.arraycopy(ciphertext, 0, all, 16, ciphertext.length);
            return Base64.getEncoder().encodeToString(all);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** hex(SHA-256(timestamp + nonce + encryptKey + body)). */
    public static String signature(String timestamp, String nonce, String encryptKey, String body) {
        return hash("SHA-256", timestamp + nonce + encryptKey + body);
    }

    /** hex(SHA-1(timestamp + nonce + verificationToken + body)): legacy card request URL. */
    public static String legacySignature(String timestamp, String nonce, String verificationToken, String body) {
        return hash("SHA-1", timestamp + nonce + verificationToken + body);
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
