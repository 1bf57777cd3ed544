package io.github.camellark.lark.event.ws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and writes {@link Frame}s in the protobuf proto2 wire format of {@code pbbp2.Frame} (the SDKs' schema). Two
 * message types with scalar fields do not justify a protobuf runtime dependency; the test suite checks this codec against
 * protobuf-java in both directions.
 */
public final class FrameCodec {

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private FrameCodec() {
    }

    public static byte[] encode(Frame frame) {
        Writer out = new Writer();
        out.varintField(1, frame.seqId());
        out.varintField(2, frame.logId());
        out.varintField(3, frame.service());
        out.varintField(4, frame.method());
        for (Frame.Header header : frame.headers()) {
            out.headerField(5, header.key().getBytes(StandardCharsets.UTF_8), header.value().getBytes(StandardCharsets.UTF_8));
        }
        out.stringField(6, frame.payloadEncoding());
        out.stringField(7, frame.payloadType());
        if (frame.payload() != null) {
            out.bytesField(8, frame.payload());
        }
        out.stringField(9, frame.logIdNew());
        return out.toByteArray();
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a well-formed pbbp2 frame (truncated, bad lengths, groups)
     */
    public static Frame decode(byte[] bytes) {
        Reader in = new Reader(bytes, 0, bytes.length);
        long seqId = 0;
        long logId = 0;
        int service = 0;
        int method = 0;
        List<Frame.Header> headers = new ArrayList<>();
        String payloadEncoding = null;
        String payloadType = null;
        byte[] payload = null;
        String logIdNew = null;
        while (in.hasMore()) {
            long tag = in.varint();
            int field = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            if (wireType == VARINT && field >= 1 && field <= 4) {
                long value = in.varint();
                switch (field) {
                    case 1 -> seqId = value;
                    case 2 -> logId = value;
                    case 3 -> service = (int) value;
                    default -> method = (int) value;
                }
            } else if (wireType == LENGTH_DELIMITED && field >= 5 && field <= 9) {
                Reader value = in.lengthDelimited();
                switch (field) {
                    case 5 -> headers.add(decodeHeader(value));
                    case 6 -> payloadEncoding = value.string();
                    case 7 -> payloadType = value.string();
                    case 8 -> payload = value.bytes();
                    default -> logIdNew = value.string();
                }
            } else {
                in.skip(wireType);
            }
        }
        return new Frame(seqId, logId, service, method, headers, payloadEncoding, payloadType, payload, logIdNew);
    }

    private static Frame.Header decodeHeader(Reader in) {
        String key = "";
        String value = "";
        while (in.hasMore()) {
            long tag = in.varint();
            int field = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            if (wireType == LENGTH_DELIMITED && (field == 1 || field == 2)) {
                String text = in.lengthDelimited().string();
                if (field == 1) {
                    key = text;
                } else {
                    value = text;
                }
            } else {
                in.skip(wireType);
            }
        }
        return new Frame.Header(key, value);
    }

    /** A growing byte array: one per encoded frame, on the thread that acknowledges (no locking, unlike a stream). */
    private static final class Writer {
        private byte[] out = new byte[256];
        private int size;

        void varintField(int field, long value) {
            varint((long) field << 3 | VARINT);
            varint(value);
        }

        void stringField(int field, String value) {
            if (value != null) {
                bytesField(field, value.getBytes(StandardCharsets.UTF_8));
            }
        }

        void bytesField(int field, byte[] value) {
            varint((long) field << 3 | LENGTH_DELIMITED);
            varint(value.length);
            room(value.length);
            System.arraycopy(value, 0, out, size, value.length);
            size += value.length;
        }

        /** A header: a nested message of two length-delimited fields, its length known before it is written. */
        void headerField(int field, byte[] key, byte[] value) {
            varint((long) field << 3 | LENGTH_DELIMITED);
            varint(1 + varintSize(key.length) + key.length + 1 + varintSize(value.length) + value.length);
            bytesField(1, key);
            bytesField(2, value);
        }

        /** Negative int32 values are sign-extended to ten bytes, as protobuf does. */
        void varint(long value) {
            room(10);
            while ((value & ~0x7FL) != 0) {
                out[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            out[size++] = (byte) value;
        }

        private static int varintSize(int value) {
            int bytes = 1;
            while ((value & ~0x7F) != 0) {
                bytes++;
                value >>>= 7;
            }
            return bytes;
        }

        private void room(int more) {
            if (size + more > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(out, size);
        }
    }

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

        long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= end) {
                    throw malformed("truncated varint");
                }
                byte b = bytes[position++];
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw malformed("varint longer than 10 bytes");
        }

        Reader lengthDelimited() {
            long length = varint();
            if (length < 0 || length > end - position) {
                throw malformed("length " + length + " exceeds the " + (end - position) + " remaining bytes");
            }
            Reader value = new Reader(bytes, position, position + (int) length);
            position += (int) length;
            return value;
        }

        byte[] bytes() {
            byte[] copy = new byte[end - position];
            System.arraycopy(bytes, position, copy, 0, copy.length);
            position = end;
            return copy;
        }

        String string() {
            String text = new String(bytes, position, end - position, StandardCharsets.UTF_8);
            position = end;
            return text;
        }

        /** Skips a field this codec does not know, as protobuf keeps unknown fields forward-compatible. */
        void skip(int wireType) {
            switch (wireType) {
                case VARINT -> varint();
                case FIXED64 -> advance(8);
                case LENGTH_DELIMITED -> lengthDelimited();
                case FIXED32 -> advance(4);
                default -> throw malformed("unsupported wire type " + wireType);
            }
        }

        private void advance(int count) {
            if (count > end - position) {
                throw malformed("truncated fixed-size field");
            }
            position += count;
        }

        private static IllegalArgumentException malformed(String reason) {
            return new IllegalArgumentException("Malformed pbbp2 frame: " + reason);
        }
    }
}
