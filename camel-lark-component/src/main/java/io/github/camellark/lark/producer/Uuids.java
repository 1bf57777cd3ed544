package io.github.camellark.lark.producer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Lark's idempotency keys ({@code uuid}): the one given, else one derived from the exchange so a redelivery repeats it. */
final class Uuids {

    /** Lark accepts at most 50 characters of uuid. */
    static final int MAX_LENGTH = 50;

    /**
     * Never updated, only cloned: a clone is cheaper than a provider lookup on every send, and a digest that is only read
     * can be cloned from several threads at once.
     */
    private static final MessageDigest SHA_256 = sha256();

    private Uuids() {
    }

    /**
     * The uuid of a call: the {@code uuid} option/header, else the {@code uuid} field of a whole request body, else one
     * derived from the exchange id, the operation and the given parts (target and content), so a redelivery of the same
     * exchange repeats the key while another target or another content gets another key.
     *
     * @param fields the body fields of a whole request; {@link RequestFields#none} when the body is content
     */
    static String of(LarkCall call, RequestFields fields, Object... parts) {
        String given = call.param(LarkParam.UUID);
        Object fromBody = fields.get("uuid");
        if (given == null && fromBody != null && !fromBody.toString().isBlank()) {
            given = fromBody.toString();
        }
        if (given != null) {
            if (given.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("uuid is limited to " + MAX_LENGTH + " characters, got " + given.length() + ": '"
                                                   + given + "'");
            }
            return given;
        }
        StringBuilder seed = new StringBuilder(call.exchange().getExchangeId()).append('\n').append(call.operationName());
        for (Object part : parts) {
            seed.append('\n').append(part);
        }
        byte[] digest = freshDigest().digest(seed.toString().getBytes(StandardCharsets.UTF_8));
        return "cl-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static MessageDigest freshDigest() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256
            throw new IllegalStateException(e);
        }
    }
}
