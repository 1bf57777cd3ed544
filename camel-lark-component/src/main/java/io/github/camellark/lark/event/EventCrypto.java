package io.github.camellark.lark.event;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Lark's webhook cryptography (<a href="https://open.feishu.cn/document/ukTMukTMukTM/uYDNxYjL2QTM24iN0EjN/event-subscription-configure-/encrypt-key-encryption-configuration-case">Lark: receiving events</a>):
 * decrypting {@code {"encrypt":...}} bodies and
 * computing request signatures. Signatures are computed on the raw request bytes, never on re-serialised JSON, and
 * compared in constant time.
 * <p>
 * An instance serves one Encrypt Key: the AES key is derived once, and ciphers and digests are reused, so that a
 * webhook under load does not look up a security provider and expand the key schedule for every request.
 * Thread-safe: each call takes a cipher of its own from a small pool.
 */
public final class EventCrypto {

    /** Said for bad padding, and by the webhook for plaintext that is not JSON, so that the two cannot be told apart. */
    public static final String WRONG_KEY = "The encrypt value does not decrypt to JSON with the configured encryptKey";
    private static final int BLOCK = 16;

    private final SecretKeySpec aesKey;
    private final byte[] encryptKey;
    private final MessageDigest sha256;
    private final Queue<Cipher> ciphers = new ConcurrentLinkedQueue<>();

    private EventCrypto(String encryptKey) {
        this.encryptKey = encryptKey.getBytes(StandardCharsets.UTF_8);
        this.sha256 = newDigest("SHA-256");
        this.aesKey = new SecretKeySpec(digest("SHA-256", this.encryptKey, new byte[0]), "AES");
    }

    /** The cryptography of the webhook of one app. */
    public static EventCrypto forEncryptKey(String encryptKey) {
        return new EventCrypto(encryptKey);
    }

    /**
     * Decrypts an {@code encrypt} value: AES-256-CBC with key SHA-256(encryptKey), the IV in the first 16 bytes, strict
     * PKCS#7 padding.
     *
     * @throws IllegalArgumentException when the value is not base64, is truncated, or does not decrypt with this key
     *                                  (the message never contains the key)
     */
    public byte[] decrypt(String encrypted) {
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
        Cipher cipher = ciphers.poll();
        try {
            if (cipher == null) {
                cipher = Cipher.getInstance("AES/CBC/NoPadding");
            }
            cipher.init(Cipher.DECRYPT_MODE, aesKey, new IvParameterSpec(raw, 0, BLOCK));
            padded = cipher.doFinal(raw, BLOCK, raw.length - BLOCK);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The encrypt value could not be decrypted");
        }
        ciphers.offer(cipher);
        return unpad(padded);
    }

    /** Whether {@code signature} (hex, any case) is the {@code X-Lark-Signature} of this request. */
    public boolean signatureMatches(String timestamp, String nonce, byte[] rawBody, String signature) {
        MessageDigest digest = copy(sha256);
        digest.update(timestamp.getBytes(StandardCharsets.UTF_8));
        digest.update(nonce.getBytes(StandardCharsets.UTF_8));
        digest.update(encryptKey);
        digest.update(rawBody);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(digest.digest(), given);
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

    private static byte[] digest(String algorithm, byte[] first, byte[] second) {
        MessageDigest digest = newDigest(algorithm);
        digest.update(first);
        digest.update(second);
        return digest.digest();
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    /** A fresh digest from the prototype: cheaper than a provider look-up (the JDK's SHA-256 is cloneable). */
    private static MessageDigest copy(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newDigest(prototype.getAlgorithm());
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
