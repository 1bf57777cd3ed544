package io.github.camellark.lark.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camellark.lark.support.SampleEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lark's encryption and signatures, checked against the published vectors (official doc and SDK tests). */
class EventCryptoTest {

    /** Lark's side, as the testkit implements it (its class has the same simple name as the component's). */
    private static final class LarkSide {
        static String encrypt(String key, String plaintext) {
            return io.github.camellark.lark.testkit.events.EventCrypto.encrypt(key, plaintext);
        }

        static String signature(String timestamp, String nonce, String key, byte[] body) {
            return io.github.camellark.lark.testkit.events.EventCrypto.signature(timestamp, nonce, key, body);
        }

        static String legacyCardSignature(String timestamp, String nonce, String token, byte[] body) {
            return io.github.camellark.lark.testkit.events.EventCrypto.legacyCardSignature(timestamp, nonce, token, body);
        }
    }


    private static final String PUBLISHED = "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=";

    @Test
    void publishedVectorDecryptsToHelloWorld() {
        assertThat(new String(EventCrypto.forEncryptKey("test key").decrypt(PUBLISHED), StandardCharsets.UTF_8)).isEqualTo("hello world");
    }

    @Test
    void nodeSdkChallengeVectorDecrypts() {
        String encrypted = "tT1xP+ovuc0T3b/rnZX3ax76exqAn0ANQ6/U45GcciC0mgNBc8JtvqOJGNAPMKpgRs2dVU1NYk9VDeqS8T4SYtU0hzNU54aS84WnxvZ3VFfDcy/RyABlNqlUiGyLDzFI0yxdCMT4KR/YEQXlt6nZi50KwRlZ+A75r645KesZuLMljezYyY8VeeXEVjPw35+e";

        assertThat(new String(EventCrypto.forEncryptKey("mazhe.nerd").decrypt(encrypted), StandardCharsets.UTF_8)).isEqualTo(
                "{\"challenge\":\"5634b122-c042-4634-bc7f-b07a3c3e77ad\",\"token\":\"iRdCP2WwXNBXRM3mGLqhrgch3cn0gbT6\",\"type\":\"url_verification\"}");
    }

    @Test
    void whatTheTestSideEncryptsDecrypts() {
        String plaintext = "{\"schema\":\"2.0\",\"text\":\"你好\"}";

        assertThat(new String(EventCrypto.forEncryptKey("k").decrypt(LarkSide.encrypt("k", plaintext)), StandardCharsets.UTF_8)).isEqualTo(plaintext);
    }

    @Test
    void plaintextOfWholeBlocksEndsInAFullPaddingBlock() {
        String sixteen = "0123456789abcdef";

        assertThat(new String(EventCrypto.forEncryptKey("k").decrypt(LarkSide.encrypt("k", sixteen)), StandardCharsets.UTF_8)).isEqualTo(sixteen);
    }

    @Test
    void wrongKeyIsRefusedWithoutSayingWhichKey() {
        assertThatThrownBy(() -> EventCrypto.forEncryptKey("another key").decrypt(PUBLISHED))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(EventCrypto.WRONG_KEY)
                .hasMessageNotContaining("another key");
    }

    @Test
    void malformedValuesAreRefused() {
        assertThatThrownBy(() -> EventCrypto.forEncryptKey("test key").decrypt("not*base64")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> EventCrypto.forEncryptKey("test key").decrypt(PUBLISHED.substring(0, 20)))
                .hasMessageContaining("whole 16-byte blocks");
        assertThatThrownBy(() -> EventCrypto.forEncryptKey("test key").decrypt("AAAAAAAAAAAAAAAAAAAAAA==")).hasMessageContaining("16-byte IV");
    }

    @Test
    void theSignatureOfTheFormulaExampleMatches() {
        String body = "{\"encrypt\":\"" + PUBLISHED + "\"}";

        assertThat(EventCrypto.forEncryptKey("test key").signatureMatches("1700000000", "abc123", body.getBytes(StandardCharsets.UTF_8),
                "69c61fa99760d59824d588297c0036194769fb54331682c9cbcd93e85b9a8aad")).isTrue();
    }

    @Test
    void aRequestSignatureIsCheckedInEitherCaseAndAnythingElseDoesNotMatch() {
        byte[] body = ("{\"encrypt\":\"" + PUBLISHED + "\"}").getBytes(StandardCharsets.UTF_8);
        EventCrypto crypto = EventCrypto.forEncryptKey("test key");
        String signature = "69c61fa99760d59824d588297c0036194769fb54331682c9cbcd93e85b9a8aad";

        assertThat(crypto.signatureMatches("1700000000", "abc123", body, signature)).isTrue();
        assertThat(crypto.signatureMatches("1700000000", "abc123", body, " " + signature.toUpperCase(Locale.ROOT))).isTrue();
        assertThat(crypto.signatureMatches("1700000001", "abc123", body, signature)).as("another timestamp").isFalse();
        assertThat(EventCrypto.forEncryptKey("another key").signatureMatches("1700000000", "abc123", body, signature)).isFalse();
        assertThat(crypto.signatureMatches("1700000000", "abc123", body, "not hex")).isFalse();
        assertThat(crypto.signatureMatches("1700000000", "abc123", body, signature.substring(2))).as("truncated").isFalse();
    }

    @Test
    void oneInstanceDecryptsAndChecksSignaturesFromManyThreadsAtOnce() throws Exception {
        EventCrypto crypto = EventCrypto.forEncryptKey("test key");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> mistakes = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                // each thread its own event (own IV, own bytes): a cipher or digest shared between threads mixes them up
                String plaintext = ("{\"event\":\"thread-" + t + "\"}").repeat(200);
                String encrypted = LarkSide.encrypt("test key", plaintext);
                byte[] body = ("{\"encrypt\":\"" + encrypted + "\"}").getBytes(StandardCharsets.UTF_8);
                String signature = LarkSide.signature("1700000000", "n-" + t, "test key", body);
                String nonce = "n-" + t;
                mistakes.add(pool.submit(() -> {
                    start.await();
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < 300 && wrong.isEmpty(); i++) {
                        try {
                            if (!plaintext.equals(new String(crypto.decrypt(encrypted), StandardCharsets.UTF_8))) {
                                wrong.add(nonce + ": another plaintext");
                            }
                            if (!crypto.signatureMatches("1700000000", nonce, body, signature)) {
                                wrong.add(nonce + ": signature did not match");
                            }
                        } catch (RuntimeException e) {
                            wrong.add(nonce + ": " + e.getMessage());
                        }
                    }
                    return wrong;
                }));
            }
            start.countDown();
            for (Future<List<String>> mistake : mistakes) {
                assertThat(mistake.get(60, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void legacyCardSignatureIsSha1WithTheVerificationToken() {
        String body = SampleEvents.legacyCardAction("c-1");

        assertThat(EventCrypto.legacyCardSignature("1700000000", "n", "vt", body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(LarkSide.legacyCardSignature("1700000000", "n", "vt", body.getBytes(StandardCharsets.UTF_8))).hasSize(40);
    }

    @Test
    void signaturesOfNonAsciiBodiesUseTheRawUtf8Bytes() {
        String body = "{\"text\":\"你好\"}";

        byte[] raw = body.getBytes(StandardCharsets.UTF_8);

        assertThat(EventCrypto.forEncryptKey("k").signatureMatches("1", "n", raw, LarkSide.signature("1", "n", "k", raw))).isTrue();
    }

    @Test
    void constantTimeEqualsNeverMatchesNull() {
        assertThat(EventCrypto.constantTimeEquals("a", "a")).isTrue();
        assertThat(EventCrypto.constantTimeEquals("a", "b")).isFalse();
        assertThat(EventCrypto.constantTimeEquals("a", null)).isFalse();
        assertThat(EventCrypto.constantTimeEquals(null, null)).isFalse();
    }
}
