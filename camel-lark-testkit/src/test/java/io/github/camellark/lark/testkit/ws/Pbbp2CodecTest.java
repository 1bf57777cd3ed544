package io.github.camellark.lark.testkit.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import com.lark.oapi.google.protobuf.ByteString;
import com.lark.oapi.ws.pb.Pbbp2;

import org.junit.jupiter.api.Test;

/** The tiny codec against a hand-encoded ping (service 33554678) and the official SDK's generated protobuf classes. */
class Pbbp2CodecTest {

    @Test
    void encodesThePingOfTheReference() {
        byte[] ping = Pbbp2Codec.encode(Pbbp2Frame.control(33554678, "ping", null));

        assertThat(HexFormat.of().formatHex(ping)).isEqualTo("08001000" + "18f6818010" + "2000" + "2a0c0a0474797065120470696e67");
    }

    @Test
    void sdkParsesWhatTheCodecEncodes() throws Exception {
        Pbbp2Frame frame = new Pbbp2Frame(42, 9_000_000_000L, 33554678, Pbbp2Frame.DATA,
                List.of(new Pbbp2Frame.Header("type", "event"), new Pbbp2Frame.Header("message_id", "m1"),
                        new Pbbp2Frame.Header("sum", "1"), new Pbbp2Frame.Header("seq", "0"), new Pbbp2Frame.Header("trace_id", "t")),
                "json", "event", "{\"schema\":\"2.0\"}".getBytes(StandardCharsets.UTF_8), "log-new");

        Pbbp2.Frame parsed = Pbbp2.Frame.parseFrom(Pbbp2Codec.encode(frame));

        assertThat(parsed.getSeqID()).isEqualTo(42);
        assertThat(parsed.getLogID()).isEqualTo(9_000_000_000L);
        assertThat(parsed.getService()).isEqualTo(33554678);
        assertThat(parsed.getMethod()).isEqualTo(1);
        assertThat(parsed.getHeadersList()).extracting(Pbbp2.Header::getKey).containsExactly("type", "message_id", "sum", "seq", "trace_id");
        assertThat(parsed.getPayloadEncoding()).isEqualTo("json");
        assertThat(parsed.getPayloadType()).isEqualTo("event");
        assertThat(parsed.getPayload().toStringUtf8()).isEqualTo("{\"schema\":\"2.0\"}");
        assertThat(parsed.getLogIDNew()).isEqualTo("log-new");
    }

    @Test
    void codecDecodesWhatTheSdkEncodes() {
        Pbbp2.Frame sdkFrame = Pbbp2.Frame.newBuilder().setSeqID(7).setLogID(8).setService(-5).setMethod(1)
                .addHeaders(Pbbp2.Header.newBuilder().setKey("biz_rt").setValue("12"))
                .setPayload(ByteString.copyFromUtf8("{\"code\":200}")).build();

        Pbbp2Frame decoded = Pbbp2Codec.decode(sdkFrame.toByteArray());

        assertThat(decoded.seqId()).isEqualTo(7);
        assertThat(decoded.logId()).isEqualTo(8);
        assertThat(decoded.service()).as("negative int32 survives the 10-byte varint").isEqualTo(-5);
        assertThat(decoded.header("biz_rt")).contains("12");
        assertThat(decoded.payloadAsString()).isEqualTo("{\"code\":200}");
        assertThat(decoded.payloadEncoding()).isNull();
        assertThat(Pbbp2Codec.encode(decoded)).isEqualTo(sdkFrame.toByteArray());
    }

    @Test
    void unknownFieldsAreSkippedAndGarbageIsRefused() {
        byte[] withUnknown = HexFormat.of().parseHex("0801100218032001" + "5005" + "6a0178");
        assertThat(Pbbp2Codec.decode(withUnknown).seqId()).isEqualTo(1);

        assertThatThrownBy(() -> Pbbp2Codec.decode(HexFormat.of().parseHex("42ff01"))).isInstanceOf(IllegalArgumentException.class);
    }
}
