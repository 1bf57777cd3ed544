package io.github.camellark.lark.testkit.ws;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny protobuf wire-format codec for {@link Pbbp2Frame}, so the testkit needs no protobuf runtime.
 * It is checked against the official SDK's generated {@code Pbbp2} classes in the tests.
 * Unknown fields are skipped when decoding, as protobuf does.
 */
public final class Pbbp2Codec {

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private Pbbp2Codec() {
    }

    public static byte[] encode(Pbbp2Frame frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + (frame.hasPayload() ? frame.payload().length : 0));
        writeTag(out, 1, VARINT);
        writeVarint(out, frame.seqId());
        writeTag(out, 2, VARINT);
        writeVarint(out, frame.logId());
        writeTag(out, 3, VARINT);
        writeVarint(out, frame.service()); // int32: negative values sign-extend to 10 bytes, as protobuf does
        writeTag(out, 4, VARINT);
        writeVarint(out, frame.method());
        for (Pbbp2Frame.Header header : frame.headers()) {
            ByteArrayOutputStream nested = new ByteArrayOutputStream();
            writeString(nested, 1, header.key());
            writeString(nested, 2, header.value());
            writeBytes(out, 5, nested.toByteArray());
        }
        if (frame.payloadEncoding() != null) {
            writeString(out, 6, frame.payloadEncoding());
        }
        if (frame.payloadType() != null) {
            writeString(out, 7, frame.payloadType());
        }
        if (frame.hasPayload()) {
            writeBytes(out, 8, frame.payload());
        }
        if (frame.logIdNew() != null) {
            writeString(out, 9, frame.logIdNew());
        }
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a well-formed frame */
    public static Pbbp2Frame decode(byte[] bytes) {
        Reader in = new Reader(bytes, 0, bytes.length);
        long seqId = 0;
        long logId = 0;
        int service = 0;
        int method = 0;
        List<Pbbp2Frame.Header> headers = new ArrayList<>();
        String payloadEncoding = null;
        String payloadType = null;
        byte[] payload = null;
        String logIdNew = null;
        while (in.hasMore()) {
            long tag = in.varint();
            int field = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            switch (field) {
                case 1 -> seqId = in.expect(wireType, VARINT).varint();
                case 2 -> logId = in.expect(wireType, VARINT).varint();
                case 3 -> service = (int) in.expect(wireType, VARINT).varint();
                case 4 -> method = (int) in.expect(wireType, VARINT).varint();
                case 5 -> headers.add(decodeHeader(in.expect(wireType, LENGTH_DELIMITED).lengthDelimited()));
                case 6 -> payloadEncoding = utf8(in.expect(wireType, LENGTH_DELIMITED).lengthDelimited());
                case 7 -> payloadType = utf8(in.expect(wireType, LENGTH_DELIMITED).lengthDelimited());
                case 8 -> payload = in.expect(wireType, LENGTH_DELIMITED).lengthDelimited();
                case 9 -> logIdNew = utf8(in.expect(wireType, LENGTH_DELIMITED).lengthDelimited());
                default -> in.skip(wireType);
            }
        }
        return new Pbbp2Frame(seqId, logId, service, method, headers, payloadEncoding, payloadType, payload, logIdNew);
    }

    private static Pbbp2Frame.Header decodeHeader(byte[] bytes) {
        Reader in = new Reader(bytes, 0, bytes.length);
        String key = "";
        String value = "";
        while (in.hasMore()) {
            long tag = in.varint();
            int wireType = (int) (tag & 7);
            switch ((int) (tag >>> 3)) {
                case 1 -> key = utf8(in.expect(wireType, LENGTH_DELIMITED).lengthDelimited());
                case 2 -> value = utf8(in.expect(wireType, LENGTH_DELIMITED).lengthDelimited());
                default -> in.skip(wireType);
            }
        }
        return new Pbbp2Frame.Header(key, value);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeTag(ByteArrayOutputStream out, int field, int wireType) {
        writeVarint(out, ((long) field << 3) | wireType);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static void writeString(ByteArrayOutputStream out, int field, String value) {
        writeBytes(out, field, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBytes(ByteArrayOutputStream out, int field, byte[] value) {
        writeTag(out, field, LENGTH_DELIMITED);
        writeVarint(out, value.length);
        out.write(value, 0, value.length);
    }

    /** A cursor over protobuf bytes. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;
        private final int end;

        Reader(byte[] bytes, int position, int end) {
            this.bytes = bytes;
            this.position = position;
            this.end = end;
        }

        boolean hasMore() {
            return position < end;
        }

        Reader expect(int actualWireType, int expectedWireType) {
            if (actualWireType != expectedWireType) {
                throw new IllegalArgumentException("unexpected wire type " + actualWireType + " (wanted " + expectedWireType + ")");
            }
            return this;
        }

        long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= end) {
                    throw new IllegalArgumentException("truncated varint");
                }
                byte b = bytes[position++];
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalArgumentException("varint longer than 10 bytes");
        }

        byte[] lengthDelimited() {
            long length = varint();
            if (length < 0 || length > end - position) {
                throw new IllegalArgumentException("length " + length + " runs past the end");
            }
            byte[] value = java.util.Arrays.copyOfRange(bytes, position, position + (int) length);
            position += (int) length;
            return value;
        }

        void skip(int wireType) {
            switch (wireType) {
                case VARINT -> varint();
                case FIXED64 -> advance(8);
                case LENGTH_DELIMITED -> lengthDelimited();
                case FIXED32 -> advance(4);
                default -> throw new IllegalArgumentException("unsupported wire type " + wireType);
            }
        }

        private void advance(int count) {
            if (count > end - position) {
                throw new IllegalArgumentException("truncated field");
            }
            position += count;
        }
    }
}
