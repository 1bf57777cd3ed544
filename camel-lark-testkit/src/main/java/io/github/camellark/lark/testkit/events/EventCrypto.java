package io.github.camellark.lark.testkit.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptography Lark applies to webhook pushes when an app has an Encrypt Key
 * (<a href="https://open.feishu.cn/document/ukTMukTMukTM/uYDNxYjL2QTM24iN0EjN/event-subscription-configure-/encrypt-key-encryption-configuration-case">Lark: receiving events</a>).
 * <ul>
 * <li>body: {@code {"encrypt": base64(iv + AES-256-CBC(PKCS#7, plaintext))}}, AES key = SHA-256 of the Encrypt Key;</li>
 * <li>signature: {@code lowercase_hex(SHA-256(timestamp + nonce + encryptKey + rawBody))}.</li>
 * </ul>
 * Stateless; thread-safe. Written apart from the component's own decryption on purpose: the simulator is what the
 * component is tested against, and a mistake shared by both would pass every test.
 */
public final class EventCrypto {

    private static final int IV_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EventCrypto() {
    }

    /** Encrypts {@code plaintext} with a fresh random IV; the result is the value of the {@code encrypt} field. */
    public static String encrypt(String encryptKey, String plaintext) {
        byte[] iv = new byte[IV_LENGTH];
        RANDOM.nextBytes(iv);
        return encrypt(encryptKey, plaintext, iv);
    }

    /** Encrypts with a given IV, so a test can reproduce an exact ciphertext. */
    public static String encrypt(String encryptKey, String plaintext, byte[] iv) {
        if (iv.length != IV_LENGTH) {
            throw new IllegalArgumentException("AES-CBC needs a 16-byte IV");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding"); // PKCS5Padding in the JCE is PKCS#7 for 16-byte blocks
            cipher.init(Cipher.ENCRYPT_MODE, aesKey(encryptKey), new IvParameterSpec(iv));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] raw = new byte[IV_LENGTH + ciphertext.length];
            System.arraycopy(iv, 0, raw, 0, IV_LENGTH);
            System.arraycopy(ciphertext, 0, raw, IV_LENGTH, ciphertext.length);
            return Base64.getEncoder().encodeToString(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is not available in this JVM", e);
        }
    }

    /** The body Lark posts once an Encrypt Key is set: {@code {"encrypt":"..."}} of the plaintext, with a random IV. */
    public static String encryptedBody(String encryptKey, String plaintext) {
        return bodyOf(encrypt(encryptKey, plaintext));
    }

    /**
     * {@code {"encrypt":"..."}} around an {@code encrypt} value, compact (no spaces): the Node SDK signs
     * {@code JSON.stringify} of the parsed body, which must equal these bytes.
     */
    static String bodyOf(String encrypted) {
        return "{\"encrypt\":\"" + encrypted + "\"}";
    }

    /**
     * Decrypts an {@code encrypt} value with strict PKCS#7 unpadding.
     *
     * @throws IllegalArgumentException when the value is not valid base64, is too short, or does not decrypt
     */
    public static String decrypt(String encryptKey, String encrypted) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encrypted);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encrypt is not base64", e);
        }
        if (raw.length < 2 * IV_LENGTH || raw.length % IV_LENGTH != 0) {
            throw new IllegalArgumentException("encrypt has the wrong length: " + raw.length);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey(encryptKey), new IvParameterSpec(Arrays.copyOf(raw, IV_LENGTH)));
            byte[] plain = cipher.doFinal(raw, IV_LENGTH, raw.length - IV_LENGTH);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (javax.crypto.BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
            throw new IllegalArgumentException("encrypt does not decrypt with this key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is not available in this JVM", e);
        }
    }

    /** {@code X-Lark-Signature}: hex SHA-256 over the exact bytes of the request body (never a re-serialisation). */
    public static String signature(String timestamp, String nonce, String encryptKey, byte[] rawBody) {
        MessageDigest sha256 = sha256();
        sha256.update((timestamp + nonce + encryptKey).getBytes(StandardCharsets.UTF_8));
        sha256.update(rawBody);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * The old card-request-URL callback's {@code X-Lark-Signature}: hex SHA-1 over timestamp + nonce + Verification
     * Token + raw body, as the official SDKs' {@code CardActionHandler} checks it.
     */
    public static String legacyCardSignature(String timestamp, String nonce, String verificationToken, byte[] rawBody) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update((timestamp + nonce + verificationToken).getBytes(StandardCharsets.UTF_8));
            sha1.update(rawBody);
            return HexFormat.of().formatHex(sha1.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is not available in this JVM", e);
        }
    }

    private static SecretKeySpec aesKey(String encryptKey) {
        return new SecretKeySpec(sha256().digest(encryptKey.getBytes(StandardCharsets.UTF_8)), "AES");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
