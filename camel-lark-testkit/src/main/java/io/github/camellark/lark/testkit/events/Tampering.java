package io.github.camellark.lark.testkit.events;

/**
 * Ways a webhook push can be spoiled on purpose, so a receiver's negative paths can be tested.
 * Each one breaks exactly one check: where the fault is in the body, the signature is computed over the
 * spoiled body so that only the intended check fails.
 */
public enum Tampering {
    /** An honest push. */
    NONE,
    /** The body is intact but one character of {@code X-Lark-Signature} is changed. */
    SIGNATURE,
    /** The body is changed after it was signed (a man in the middle): the signature no longer matches. */
    BODY_AFTER_SIGNING,
    /** No {@code X-Lark-Signature} header at all (timestamp and nonce are still sent). */
    MISSING_SIGNATURE,
    /** {@code {"encrypt":"..."}} whose value is not base64; correctly signed. Needs an Encrypt Key. */
    BAD_BASE64,
    /** {@code encrypt} holds a ciphertext cut short (not a whole AES block); correctly signed. Needs an Encrypt Key. */
    TRUNCATED_CIPHERTEXT,
    /** The (decrypted) payload is not JSON; correctly encrypted and signed. */
    NOT_JSON
}
