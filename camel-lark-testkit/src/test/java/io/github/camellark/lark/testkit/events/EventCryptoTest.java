package io.github.camellark.lark.testkit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class EventCryptoTest {

    @Test
    void decryptsThePublishedVector() {
        assertThat(EventCrypto.decrypt("test key", "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=")).isEqualTo("hello world");
    }

    @Test
    void decryptsTheNodeSdkChallengeVector() {
        String encrypted = "tT1xP+ovuc0T3b/rnZX3ax76exqAn0ANQ6/U45GcciC0mgNBc8JtvqOJGNAPMKpgRs2dVU1NYk9VDeqS8T4SYtU0hzNU54aS84WnxvZ3VFfDcy/RyABlNqlUiGyLDzFI0yxdCMT4KR/YEQXlt6nZi50KwRlZ+A75r645KesZuLMljezYyY8VeeXEVjPw35+e";
        assertThat(EventCrypto.decrypt("mazhe.nerd", encrypted)).isEqualTo(
                "{\"challenge\":\"5634b122-c042-4634-bc7f-b07a3c3e77ad\",\"token\":\"iRdCP2WwXNBXRM3mGLqhrgch3cn0gbT6\",\"type\":\"url_verification\"}");
    }

    @Test
    void reproducesThePublishedCiphertextFromItsIv() {
        byte[] iv = java.util.Arrays.copyOf(java.util.Base64.getDecoder().decode("P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk="), 16);
        assertThat(EventCrypto.encrypt("test key", "hello world", iv)).isEqualTo("P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=");
    }

    @Test
    void signsTheReferenceExample() {
        byte[] body = "{\"encrypt\":\"P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(EventCrypto.signature("1700000000", "abc123", "test key", body))
                .isEqualTo("69c61fa99760d59824d588297c0036194769fb54331682c9cbcd93e85b9a8aad");
    }

    @Test
    void roundTripsNonAsciiText() {
        String text = "{\"text\":\"你好, Grüße\"}";
        assertThat(EventCrypto.decrypt("k", EventCrypto.encrypt("k", text))).isEqualTo(text);
    }

    @Test
    void refusesWrongKeyBadBase64AndTruncatedCiphertext() {
        String encrypted = EventCrypto.encrypt("right", "{\"a\":1}", new byte[16]); // fixed IV: deterministic
        assertThatThrownBy(() -> EventCrypto.decrypt("wrong", encrypted)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventCrypto.decrypt("right", "%%not base64%%")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventCrypto.decrypt("right", encrypted.substring(0, 20))).isInstanceOf(IllegalArgumentException.class);
    }
}
