package io.github.camellark.lark.testkit.ws;

import java.time.Instant;
import java.util.Optional;

/**
 * An acknowledgement the client sent for a data frame: the same frame back with {@code biz_rt} added and payload
 * {@code {"code":200|500,"data":base64(callback reply)}}, as the official SDKs send it.
 *
 * @param connectionId  the {@code device_id} of the connection it came on
 * @param messageId     the {@code message_id} header it acknowledges
 * @param code          200 (handled) or 500 (failed; Lark pushes again); -1 when the payload was unreadable
 * @param callbackReply the decoded {@code data}: a card callback's {@code {toast, card}} JSON, or null
 * @param bizRt         the client's {@code biz_rt} header (processing time in ms), or null
 * @param frame         the whole ack frame as decoded
 */
public record WsAck(String connectionId, String messageId, int code, String callbackReply, String bizRt, Instant receivedAt,
        Pbbp2Frame frame) {

    public boolean ok() {
        return code == 200;
    }

    public Optional<String> reply() {
        return Optional.ofNullable(callbackReply);
    }
}
