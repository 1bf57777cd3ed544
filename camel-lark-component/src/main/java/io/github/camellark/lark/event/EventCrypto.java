package io.github.camellark.lark.event;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Lark's webhook cryptography (<a href="https://open.feishu.cn/document/ukTMukTMukTM/uYDNxYjL2QTM24iN0EjN/event-subscription-configure-/encrypt-key-encryption-configuration-case">Lark: receiving events</a>):
 * decrypting {@code {"encrypt":...}} bodies and
 * computing request signatures. Signatures are computed on the raw request bytes, never on re-serialised JSON, and
 * compared in constant time.
 */
public final class EventCrypto {

    /** Said for bad padding, and by the webhook for plaintext that is not JSON, so that the two cannot be told apart. */
    public static final String WRONG_KEY = "The encrypt value does not decrypt to JSON with the configured encryptKey";
    private static final int BLOCK = 16;

    private EventCrypto() {
    }

    /**
     * Decrypts an {@code encrypt} value: AES-256-CBC with key SHA-256(encryptKey), the IV in the first 16 bytes, strict
     * PKCS#7 padding.
     *
     * @throws IllegalArgumentException when the value is not base64, is truncated, or does not decrypt with this key
     *                                  (the message never contains the key)
     */
    public static byte[] decrypt(String encryptKey, String encrypted) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encrypted);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The encrypt value is not base64");
        }
        if (raw.length < 2 * BLOCK || raw.length % BLOCK != 0) {
            throw new IllegalArgumentException(
                    "The encrypt value has " + raw.length + " bytes; expected a 16-byte IV and whole 16-byte blocks");
        }
        byte[] padded;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(sha256(encryptKey.getBytes(StandardCharsets.UTF_8)), "AES"),
                    new IvParameterSpec(raw, 0, BLOCK));
            padded = cipher.doFinal(raw, BLOCK, raw.length - BLOCK);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The encrypt value could not be decrypted");
        }
        return unpad(padded);
    }

    /** Strict PKCS#7: the last byte n is 1..16 and the last n bytes all equal n; otherwise the key was wrong. */
    private static byte[] unpad(byte[] padded) {
        int n = padded[padded.length - 1] & 0xff;
        boolean valid = n >= 1 && n <= BLOCK;
        for (int i = 1; valid && i <= n; i++) {
            valid = (padded[padded.length - i] & 0xff) == n;
        }
        if (!valid) {
            throw new IllegalArgumentException(WRONG_KEY);
        }
        return Arrays.copyOf(padded, padded.length - n);
    }

    /** {@code X-Lark-Signature} of events and new card callbacks: hex(SHA-256(timestamp + nonce + encryptKey + body)). */
    public static String eventSignature(String timestamp, String nonce, String encryptKey, byte[] rawBody) {
        return hex(digest("SHA-256", prefix(timestamp, nonce, encryptKey), rawBody));
    }

    /** {@code X-Lark-Signature} of the legacy card request URL: hex(SHA-1(timestamp + nonce + verificationToken + body)). */
    public static String legacyCardSignature(String timestamp, String nonce, String verificationToken, byte[] rawBody) {
        return hex(digest("SHA-1", prefix(timestamp, nonce, verificationToken), rawBody));
    }

    /** Compares two secrets or signatures in time independent of where they differ. Null never matches. */
    public static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] prefix(String timestamp, String nonce, String secret) {
        return (timestamp + nonce + secret).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] data) {
        return digest("SHA-256", data, new byte[0]);
    }

    private static byte[] digest(String algorithm, byte[] first, byte[] second) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            digest.update(first);
            digest.update(second);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
