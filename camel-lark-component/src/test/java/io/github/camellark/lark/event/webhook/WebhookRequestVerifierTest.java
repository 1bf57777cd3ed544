package io.github.camellark.lark.event.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkConfiguration;
import io.github.camellark.lark.event.EventEnvelope;
import io.github.camellark.lark.support.SampleEvents;
import io.github.camellark.lark.testkit.events.EventCrypto;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way Lark (or a proxy) may write an encrypted body decrypts to the same event; other shapes are refused. */
class WebhookRequestVerifierTest {

    private static final String KEY = "verifier-test-encrypt-key";
    private static final String TIMESTAMP = "1700000000";
    private static final String NONCE = "n-1";

    private final WebhookRequestVerifier verifier = new WebhookRequestVerifier(configuration(), new ObjectMapper(),
            Clock.systemUTC());

    private static LarkConfiguration configuration() {
        LarkConfiguration configuration = new LarkConfiguration();
        configuration.setEncryptKey(KEY);
        configuration.setMaxRequestAge(0);
        return configuration;
    }

    private EventEnvelope verify(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of(WebhookRequestVerifier.TIMESTAMP, TIMESTAMP, WebhookRequestVerifier.NONCE, NONCE,
                WebhookRequestVerifier.SIGNATURE, EventCrypto.signature(TIMESTAMP, NONCE, KEY, bytes));
        return verifier.verify(bytes, headers::get);
    }

    @Test
    void theExactShapeLarkPostsAndEveryOtherJsonSpellingOfItDecryptToTheSameEvent() {
        String encrypted = EventCrypto.encrypt(KEY, SampleEvents.messageReceived("ev-shapes", "", "hi"));

        for (String body : new String[] {"{\"encrypt\":\"" + encrypted + "\"}",
                "{ \"encrypt\" : \"" + encrypted + "\" }",
                "{\"encrypt\":\"" + encrypted.replace("/", "\\/") + "\"}",
                "{\"schema\":\"p\",\"encrypt\":\"" + encrypted + "\"}"}) {
            assertThat(verify(body).eventId()).as(body).isEqualTo("ev-shapes");
        }
    }

    @Test
    void bodiesThatOnlyLookLikeTheExactShapeAreReadAsJsonAndRefused() {
        String encrypted = EventCrypto.encrypt(KEY, SampleEvents.messageReceived("ev-shapes", "", "hi"));

        assertThatThrownBy(() -> verify("{\"encrypt\":\"" + encrypted + "\",\"a\":\"}")).isInstanceOf(WebhookRejection.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> verify("{\"encrypt\":\"\"}")).isInstanceOf(WebhookRejection.class);
        assertThatThrownBy(() -> verify("{\"encrypt\":12}")).isInstanceOf(WebhookRejection.class)
                .hasMessageContaining("not a string");
    }
}
