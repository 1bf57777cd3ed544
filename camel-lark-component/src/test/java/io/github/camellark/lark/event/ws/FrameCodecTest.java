package io.github.camellark.lark.event.ws;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.UnknownFieldSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label.LABEL_OPTIONAL;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label.LABEL_REPEATED;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label.LABEL_REQUIRED;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_BYTES;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_INT32;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_MESSAGE;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_STRING;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_UINT64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The codec against protobuf-java, with the official SDKs' pbbp2 schema built at run time (no protoc). */
class FrameCodecTest {

    private static Descriptor frameType;
    private static Descriptor headerType;

    @BeforeAll
    static void buildSchema() throws Exception {
        FileDescriptorProto file = FileDescriptorProto.newBuilder()
                .setName("pbbp2.proto").setPackage("pbbp2").setSyntax("proto2")
                .addMessageType(DescriptorProto.newBuilder().setName("Header")
                        .addField(field("key", 1, TYPE_STRING, LABEL_REQUIRED))
                        .addField(field("value", 2, TYPE_STRING, LABEL_REQUIRED)))
                .addMessageType(DescriptorProto.newBuilder().setName("Frame")
                        .addField(field("SeqID", 1, TYPE_UINT64, LABEL_REQUIRED))
                        .addField(field("LogID", 2, TYPE_UINT64, LABEL_REQUIRED))
                        .addField(field("service", 3, TYPE_INT32, LABEL_REQUIRED))
                        .addField(field("method", 4, TYPE_INT32, LABEL_REQUIRED))
                        .addField(field("headers", 5, TYPE_MESSAGE, LABEL_REPEATED).setTypeName(".pbbp2.Header"))
                        .addField(field("payload_encoding", 6, TYPE_STRING, LABEL_OPTIONAL))
                        .addField(field("payload_type", 7, TYPE_STRING, LABEL_OPTIONAL))
                        .addField(field("payload", 8, TYPE_BYTES, LABEL_OPTIONAL))
                        .addField(field("LogIDNew", 9, TYPE_STRING, LABEL_OPTIONAL)))
                .build();
        FileDescriptor descriptor = FileDescriptor.buildFrom(file, new FileDescriptor[0]);
        frameType = descriptor.findMessageTypeByName("Frame");
        headerType = descriptor.findMessageTypeByName("Header");
    }

    private static FieldDescriptorProto.Builder field(String name, int number, FieldDescriptorProto.Type type,
                                                      FieldDescriptorProto.Label label) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type).setLabel(label);
    }

    private static final Frame EVENT = new Frame(7_000_000_001L, 42L, 33554678, Frame.METHOD_DATA,
            List.of(new Frame.Header("type", "event"), new Frame.Header("message_id", "msg-1"), new Frame.Header("sum", "1"),
                    new Frame.Header("seq", "0"), new Frame.Header("trace_id", "trace-ü")),
            "json", "event", "{\"schema\":\"2.0\",\"text\":\"héllo\"}".getBytes(StandardCharsets.UTF_8), "log-new-1");

    @Test
    void protobufReadsWhatTheCodecWrites() throws Exception {
        DynamicMessage parsed = DynamicMessage.parseFrom(frameType, FrameCodec.encode(EVENT));

        assertThat(parsed.isInitialized()).as("all required fields present").isTrue();
        assertThat(parsed.getField(frameType.findFieldByName("SeqID"))).isEqualTo(7_000_000_001L);
        assertThat(parsed.getField(frameType.findFieldByName("LogID"))).isEqualTo(42L);
        assertThat(parsed.getField(frameType.findFieldByName("service"))).isEqualTo(33554678);
        assertThat(parsed.getField(frameType.findFieldByName("method"))).isEqualTo(1);
        assertThat(parsed.getRepeatedFieldCount(frameType.findFieldByName("headers"))).isEqualTo(5);
        DynamicMessage trace = (DynamicMessage) parsed.getRepeatedField(frameType.findFieldByName("headers"), 4);
        assertThat(trace.getField(headerType.findFieldByName("key"))).isEqualTo("trace_id");
        assertThat(trace.getField(headerType.findFieldByName("value"))).isEqualTo("trace-ü");
        assertThat(((ByteString) parsed.getField(frameType.findFieldByName("payload"))).toStringUtf8())
                .isEqualTo("{\"schema\":\"2.0\",\"text\":\"héllo\"}");
        assertThat(parsed.getField(frameType.findFieldByName("payload_encoding"))).isEqualTo("json");
        assertThat(parsed.getField(frameType.findFieldByName("payload_type"))).isEqualTo("event");
        assertThat(parsed.getField(frameType.findFieldByName("LogIDNew"))).isEqualTo("log-new-1");
    }

    @Test
    void codecReadsWhatProtobufWrites() {
        assertThat(FrameCodec.decode(protobuf(EVENT).toByteArray())).isEqualTo(EVENT);
    }

    @Test
    void bothWriteTheSameBytes() {
        assertThat(FrameCodec.encode(EVENT)).isEqualTo(protobuf(EVENT).toByteArray());
    }

    @Test
    void extremeValuesSurviveBothWays() {
        Frame extreme = new Frame(-1L, Long.MIN_VALUE, -5, Integer.MAX_VALUE, List.of(), null, null, new byte[0], null);

        assertThat(FrameCodec.encode(extreme)).isEqualTo(protobuf(extreme).toByteArray());
        assertThat(FrameCodec.decode(protobuf(extreme).toByteArray())).isEqualTo(extreme);
    }

    @Test
    void pingMatchesTheHandEncodedExampleOfTheReference() {
        byte[] ping = FrameCodec.encode(Frame.ping(33554678));

        assertThat(HexFormat.of().formatHex(ping)).isEqualTo("08001000" + "18f6818010" + "2000" + "2a0c0a047479706512" + "0470696e67");
    }

    @Test
    void unknownFieldsAreSkipped() {
        UnknownFieldSet unknown = UnknownFieldSet.newBuilder()
                .addField(20, UnknownFieldSet.Field.newBuilder().addVarint(99).build())
                .addField(21, UnknownFieldSet.Field.newBuilder().addFixed32(7).build())
                .addField(22, UnknownFieldSet.Field.newBuilder().addFixed64(8L).build())
                .addField(23, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("future")).build())
                .build();
        byte[] bytes = protobuf(EVENT).toBuilder().setUnknownFields(unknown).build().toByteArray();

        assertThat(FrameCodec.decode(bytes)).isEqualTo(EVENT);
    }

    @Test
    void truncatedFramesAreRefused() {
        byte[] bytes = FrameCodec.encode(EVENT);
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);

        assertThatThrownBy(() -> FrameCodec.decode(truncated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Malformed pbbp2 frame");
        assertThatThrownBy(() -> FrameCodec.decode(new byte[] { (byte) 0x80 })).hasMessageContaining("truncated varint");
        assertThatThrownBy(() -> FrameCodec.decode(new byte[] { 0x0b })).hasMessageContaining("wire type 3");
    }

    @Test
    void anAckIsTheSameFrameWithBizRtAndANewPayload() {
        Frame ack = EVENT.answered(Frame.BIZ_RT, "12", "{\"code\":200}".getBytes(StandardCharsets.UTF_8));

        Frame decoded = FrameCodec.decode(FrameCodec.encode(ack));
        assertThat(decoded.seqId()).isEqualTo(EVENT.seqId());
        assertThat(decoded.logId()).isEqualTo(EVENT.logId());
        assertThat(decoded.headers()).startsWith(EVENT.headers().toArray(Frame.Header[]::new))
                .endsWith(new Frame.Header("biz_rt", "12"));
        assertThat(new String(decoded.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"code\":200}");
    }

    private static DynamicMessage protobuf(Frame frame) {
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(frameType)
                .setField(frameType.findFieldByName("SeqID"), frame.seqId())
                .setField(frameType.findFieldByName("LogID"), frame.logId())
                .setField(frameType.findFieldByName("service"), frame.service())
                .setField(frameType.findFieldByName("method"), frame.method());
        for (Frame.Header header : frame.headers()) {
            builder.addRepeatedField(frameType.findFieldByName("headers"), DynamicMessage.newBuilder(headerType)
                    .setField(headerType.findFieldByName("key"), header.key())
                    .setField(headerType.findFieldByName("value"), header.value()).build());
        }
        if (frame.payloadEncoding() != null) {
            builder.setField(frameType.findFieldByName("payload_encoding"), frame.payloadEncoding());
        }
        if (frame.payloadType() != null) {
            builder.setField(frameType.findFieldByName("payload_type"), frame.payloadType());
        }
        if (frame.payload() != null) {
            builder.setField(frameType.findFieldByName("payload"), ByteString.copyFrom(frame.payload()));
        }
        if (frame.logIdNew() != null) {
            builder.setField(frameType.findFieldByName("LogIDNew"), frame.logIdNew());
        }
        return builder.build();
    }
}
