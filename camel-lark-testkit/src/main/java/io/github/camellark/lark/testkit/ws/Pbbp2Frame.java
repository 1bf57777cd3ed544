package io.github.camellark.lark.testkit.ws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One binary message of the long connection: the protobuf (proto2) message {@code pbbp2.Frame}
 * (the schema the official SDKs compile in). Immutable.
 *
 * <pre>
 * Frame { required uint64 SeqID = 1; required uint64 LogID = 2; required int32 service = 3; required int32 method = 4;
 *         repeated Header headers = 5; optional string payload_encoding = 6; optional string payload_type = 7;
 *         optional bytes payload = 8; optional string LogIDNew = 9; }
 * Header { required string key = 1; required string value = 2; }
 * </pre>
 *
 * @param payload null when the optional field is absent (a ping has none)
 */
public record Pbbp2Frame(long seqId, long logId, int service, int method, List<Header> headers, String payloadEncoding,
        String payloadType, byte[] payload, String logIdNew) {

    /** {@code method} of ping/pong. */
    public static final int CONTROL = 0;
    /** {@code method} of events, cards and their acks. */
    public static final int DATA = 1;

    /** One {@code pbbp2.Header}. */
    public record Header(String key, String value) {
        public Header {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    public Pbbp2Frame {
        headers = List.copyOf(headers);
        payload = payload == null ? null : payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload == null ? null : payload.clone();
    }

    public boolean hasPayload() {
        return payload != null;
    }

    public String payloadAsString() {
        return payload == null ? "" : new String(payload, StandardCharsets.UTF_8);
    }

    /** The first header with this key. */
    public Optional<String> header(String key) {
        return headers.stream().filter(h -> h.key().equals(key)).map(Header::value).findFirst();
    }

    public String type() {
        return header("type").orElse("");
    }

    /** The same frame with another payload: how the client builds an ack. */
    public Pbbp2Frame withPayload(byte[] newPayload) {
        return new Pbbp2Frame(seqId, logId, service, method, headers, payloadEncoding, payloadType, newPayload, logIdNew);
    }

    /** The same frame with one header appended. */
    public Pbbp2Frame withHeader(String key, String value) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(key, value));
        return new Pbbp2Frame(seqId, logId, service, method, more, payloadEncoding, payloadType, payload, logIdNew);
    }

    /** A control frame ({@code method=0}) such as the client's ping or the server's pong. */
    public static Pbbp2Frame control(int service, String type, byte[] payload) {
        return new Pbbp2Frame(0, 0, service, CONTROL, List.of(new Header("type", type)), null, null, payload, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pbbp2Frame f && seqId == f.seqId && logId == f.logId && service == f.service
                && method == f.method && headers.equals(f.headers) && Objects.equals(payloadEncoding, f.payloadEncoding)
                && Objects.equals(payloadType, f.payloadType) && java.util.Arrays.equals(payload, f.payload)
                && Objects.equals(logIdNew, f.logIdNew);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seqId, logId, service, method, headers, java.util.Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "Pbbp2Frame[seq=" + seqId + ", log=" + logId + ", service=" + service + ", method=" + method + ", headers="
                + headers + ", payload=" + (payload == null ? "none" : payload.length + " bytes") + "]";
    }
}
