package io.github.camellark.lark.event.ws;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One binary message of Lark's long connection: the protobuf message {@code pbbp2.Frame}.
 * Immutable; the {@code with...} methods build the acknowledgement of a data frame.
 *
 * @param seqId           field 1, SeqID (uint64)
 * @param logId           field 2, LogID (uint64)
 * @param service         field 3, the service_id of the connection URL
 * @param method          field 4, {@link #METHOD_CONTROL} or {@link #METHOD_DATA}
 * @param headers         field 5, in wire order (keys may repeat)
 * @param payloadEncoding field 6, ignored by the SDKs; kept so an ack echoes it (meaning unverified)
 * @param payloadType     field 7, ignored by the SDKs; kept so an ack echoes it (meaning unverified)
 * @param payload         field 8, null when absent
 * @param logIdNew        field 9, ignored by the SDKs; kept so an ack echoes it (meaning unverified)
 */
public record Frame(long seqId, long logId, int service, int method, List<Header> headers, String payloadEncoding,
                   String payloadType, byte[] payload, String logIdNew) {

    public static final int METHOD_CONTROL = 0;
    public static final int METHOD_DATA = 1;

    public static final String TYPE = "type";
    public static final String MESSAGE_ID = "message_id";
    public static final String SUM = "sum";
    public static final String SEQ = "seq";
    public static final String BIZ_RT = "biz_rt";

    /** {@code pbbp2.Header}: one key/value pair. */
    public record Header(String key, String value) {
        public Header {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    public Frame {
        headers = List.copyOf(headers);
    }

    /** The client's keepalive: a control frame {@code type=ping} without payload, SeqID and LogID 0. */
    public static Frame ping(int service) {
        return new Frame(0, 0, service, METHOD_CONTROL, List.of(new Header(TYPE, "ping")), null, null, null, null);
    }

    /** The value of the first header with this key, or null. */
    public String header(String key) {
        for (Header header : headers) {
            if (header.key().equals(key)) {
                return header.value();
            }
        }
        return null;
    }

    public String type() {
        return header(TYPE);
    }

    public boolean isControl() {
        return method == METHOD_CONTROL;
    }

    /** The acknowledgement of this frame: the same frame with one header more and another payload, in one copy. */
    public Frame answered(String key, String value, byte[] newPayload) {
        List<Header> more = new ArrayList<>(headers.size() + 1);
        more.addAll(headers);
        more.add(new Header(key, value));
        return new Frame(seqId, logId, service, method, more, payloadEncoding, payloadType, newPayload, logIdNew);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame other && seqId == other.seqId && logId == other.logId && service == other.service
                && method == other.method && headers.equals(other.headers)
                && Objects.equals(payloadEncoding, other.payloadEncoding) && Objects.equals(payloadType, other.payloadType)
                && Arrays.equals(payload, other.payload) && Objects.equals(logIdNew, other.logIdNew);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seqId, logId, service, method, headers, payloadEncoding, payloadType, Arrays.hashCode(payload),
                logIdNew);
    }

    /** Headers and sizes only: payloads are events, which may be personal data. */
    @Override
    public String toString() {
        return "Frame[seqId=" + seqId + ", logId=" + logId + ", service=" + service + ", method=" + method + ", headers="
               + headers + ", payload=" + (payload == null ? "none" : payload.length + " bytes") + "]";
    }
}
