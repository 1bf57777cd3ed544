package io.github.camellark.lark.event.ws;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FragmentAssemblerTest {

    private final AtomicLong now = new AtomicLong();
    private final FragmentAssembler assembler = new FragmentAssembler(5_000, 3, 1_000, now::get);

    @Test
    void aSinglePartPayloadIsReturnedAsIs() {
        byte[] payload = bytes("{}");

        assertThat(assembler.add("m1", 1, 0, payload)).isSameAs(payload);
        assertThat(assembler.pending()).isZero();
    }

    @Test
    void threeFragmentsInAnyOrderAreJoinedOnceInSeqOrder() {
        assertThat(assembler.add("m1", 3, 2, bytes("c\"}"))).isNull();
        assertThat(assembler.add("m1", 3, 0, bytes("{\"a"))).isNull();

        assertThat(assembler.add("m1", 3, 1, bytes("\":\"b"))).asString(StandardCharsets.UTF_8).isEqualTo("{\"a\":\"bc\"}");
        assertThat(assembler.pending()).isZero();
        assertThat(assembler.pendingBytes()).isZero();
    }

    @Test
    void aRepeatedFragmentIsCountedOnce() {
        assembler.add("m1", 2, 0, bytes("ab"));
        assembler.add("m1", 2, 0, bytes("ab"));

        assertThat(assembler.pendingBytes()).isEqualTo(2);
        assertThat(assembler.add("m1", 2, 1, bytes("c"))).asString(StandardCharsets.UTF_8).isEqualTo("abc");
    }

    @Test
    void aMessageMissingAFragmentExpiresAfterTheTtlAndLeavesNothingBehind() {
        assembler.add("m1", 3, 0, bytes("a"));
        assembler.add("m1", 3, 1, bytes("b"));

        now.addAndGet(4_999_000_000L);
        assembler.expire();
        assertThat(assembler.pending()).isEqualTo(1);

        now.addAndGet(1_000_000L);
        assembler.expire();
        assertThat(assembler.pending()).isZero();
        assertThat(assembler.pendingBytes()).isZero();
        assertThat(assembler.add("m1", 3, 2, bytes("c"))).as("the late fragment starts over").isNull();
    }

    @Test
    void theOldestIncompleteMessagesAreDroppedBeyondTheBounds() {
        for (int i = 1; i <= 5; i++) {
            assembler.add("m" + i, 2, 0, bytes("x"));
        }
        assertThat(assembler.pending()).isEqualTo(3);
        assertThat(assembler.add("m1", 2, 1, bytes("y"))).as("m1 was evicted").isNull();

        assembler.add("big", 2, 0, new byte[999]);
        assertThat(assembler.pendingBytes()).isLessThanOrEqualTo(1_000);
        assertThat(assembler.add("big", 2, 1, new byte[1])).hasSize(1_000);
    }

    @Test
    void outOfRangeIndexesAreRefused() {
        assertThatThrownBy(() -> assembler.add("m1", 3, 3, bytes("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seq 3 of sum 3");
        assertThatThrownBy(() -> assembler.add("m1", 0, 0, bytes("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> assembler.add("m1", FragmentAssembler.MAX_PARTS + 1, 0, bytes("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
