package io.github.camellark.lark.testkit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camellark.lark.testkit.events.TestReceiver.Answer;
import io.github.camellark.lark.testkit.events.WebhookAttempt.Outcome;

class WebhookPusherTest {

    private static final RetrySchedule FAST = RetrySchedule.every(Duration.ofMillis(50), 4);

    private final LarkEvents events = new LarkEvents(AppIdentity.example());
    private final EventUser alice = events.user("Alice");
    private final CountDownLatch releaseSlowAnswers = new CountDownLatch(1);
    private TestReceiver app;
    private WebhookPusher pusher;
    private Webhook hook;

    @BeforeEach
    void start() throws Exception {
        app = new TestReceiver();
        pusher = new WebhookPusher();
        hook = pusher.webhook(app.uri()).withRetrySchedule(FAST);
    }

    @AfterEach
    void stop() throws Exception {
        releaseSlowAnswers.countDown();
        pusher.close();
        app.close();
    }

    @Test
    void aPlainPushIsDeliveredOnceAsJson() {
        LarkEvent event = events.textMessage(alice, "oc_1", "hello");

        WebhookDelivery delivery = hook.push(event);

        await().until(delivery::isDelivered);
        assertThat(delivery.attempts()).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.responseBody()).isEqualTo("{\"msg\":\"success\"}");
        });
        TestReceiver.Received received = app.received().get(0);
        assertThat(received.bodyAsString()).isEqualTo(event.toJson());
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(received.header(WebhookRequest.TIMESTAMP)).matches("\\d{10}");
        assertThat(received.header(WebhookRequest.NONCE)).isNotBlank();
        assertThat(received.header(WebhookRequest.SIGNATURE)).as("no Encrypt Key, no signature").isNull();
    }

    @Test
    void aPushCarriesLarksHeadersAndNoneAJavaClientWouldAdd() {
        await().until(hook.withEncryptKey("k3y").push(events.textMessage(alice, "oc_1", "hi"))::isDelivered);

        assertThat(app.received().get(0).headers().keySet())
                .map(name -> name.toLowerCase(java.util.Locale.ROOT))
                .containsExactlyInAnyOrder("host", "content-length", "content-type", "x-lark-request-timestamp",
                        "x-lark-request-nonce", "x-lark-signature", "x-request-id");
    }

    @Test
    void anEncryptedBodyIsExactlyCompactJsonAsTheNodeSdkReSerialisesIt() throws Exception {
        await().until(hook.withEncryptKey("k3y").push(events.textMessage(alice, "oc_1", "hi"))::isDelivered);

        String body = app.received().get(0).bodyAsString();
        String encrypt = new ObjectMapper().readTree(body).path("encrypt").asText();
        // JSON.stringify(JSON.parse(body)) in the Node SDK must give these very bytes, or its signature check fails
        assertThat(body).isEqualTo("{\"encrypt\":\"" + encrypt + "\"}").matches("\\{\"encrypt\":\"[A-Za-z0-9+/]+=*\"}");
    }

    @Test
    void anEncryptedPushDecryptsAndIsSignedOverTheRawBody() throws Exception {
        LarkEvent event = events.textMessage(alice, "oc_1", "secret");

        await().until(hook.withEncryptKey("k3y").push(event)::isDelivered);

        TestReceiver.Received received = app.received().get(0);
        String encrypt = new ObjectMapper().readTree(received.body()).path("encrypt").asText();
        assertThat(EventCrypto.decrypt("k3y", encrypt)).isEqualTo(event.toJson());
        assertThat(received.header(WebhookRequest.SIGNATURE)).isEqualTo(EventCrypto.signature(
                received.header(WebhookRequest.TIMESTAMP), received.header(WebhookRequest.NONCE), "k3y", received.body()));
    }

    @Test
    void aFailedPushIsRedeliveredWithTheSameEventIdUntilAcknowledged() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        app.answer(r -> calls.incrementAndGet() <= 2 ? new Answer(500, "{\"msg\":\"boom\"}") : Answer.ok());
        LarkEvent event = events.textMessage(alice, "oc_1", "again");

        WebhookDelivery delivery = hook.push(event);

        await().until(delivery::isDelivered);
        assertThat(delivery.attempts()).extracting(WebhookAttempt::outcome)
                .containsExactly(Outcome.REJECTED, Outcome.REJECTED, Outcome.ACKNOWLEDGED);
        assertThat(delivery.attempts()).extracting(WebhookAttempt::number).containsExactly(1, 2, 3);
        ObjectMapper json = new ObjectMapper();
        for (TestReceiver.Received received : app.received()) {
            assertThat(json.readTree(received.body()).path("header").path("event_id").asText()).isEqualTo(event.id());
        }
    }

    @Test
    void aPushGivesUpWhenTheScheduleIsExhausted() {
        app.answer(r -> new Answer(503, ""));

        WebhookDelivery delivery = hook.withRetrySchedule(RetrySchedule.every(Duration.ofMillis(20), 2))
                .push(events.textMessage(alice, "oc_1", "never"));

        await().until(() -> delivery.state() == WebhookDelivery.State.GAVE_UP);
        assertThat(delivery.attemptCount()).isEqualTo(3);
        assertThat(app.received()).hasSize(3);
    }

    @Test
    void anAnswerSlowerThanTheBudgetCountsAsFailedAndIsRedelivered() {
        AtomicInteger calls = new AtomicInteger();
        app.answer(r -> {
            if (calls.incrementAndGet() == 1) {
                awaitQuietly(releaseSlowAnswers, 2_000); // longer than the 200 ms budget
            }
            return Answer.ok();
        });

        WebhookDelivery delivery = hook.withResponseBudget(Duration.ofMillis(200)).push(events.textMessage(alice, "oc_1", "slow"));

        await().until(delivery::isDelivered);
        List<WebhookAttempt> attempts = delivery.attempts();
        assertThat(attempts.get(0).outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(attempts.get(0).latency()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(attempts.get(1).outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
        assertThat(attempts.get(1).latency()).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void anUnreachableAppIsRecordedAsSuch() throws Exception {
        Webhook nowhere = pusher.webhook(app.uri()).withRetrySchedule(RetrySchedule.none());
        app.close();

        WebhookAttempt attempt = nowhere.send(events.textMessage(alice, "oc_1", "anyone?"));

        assertThat(attempt.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(attempt.status()).isEqualTo(-1);
    }

    @Test
    void aCardCallbackGetsOneSynchronousAttemptWhoseReplyIsRecorded() {
        app.answer(r -> new Answer(200, "{\"toast\":{\"type\":\"success\",\"content\":\"Approved\"}}"));

        WebhookAttempt reply = hook.send(events.cardAction(alice, "om_1", "oc_1", Map.of("op", "approve")));

        assertThat(reply.acknowledged()).isTrue();
        assertThat(reply.responseBody()).contains("\"Approved\"");
    }

    @Test
    void callbacksAreNotRedelivered() {
        app.answer(r -> new Answer(500, ""));

        WebhookDelivery delivery = hook.push(events.cardAction(alice, "om_1", "oc_1", Map.of("op", "approve")));

        await().until(() -> delivery.state() == WebhookDelivery.State.GAVE_UP);
        assertThat(delivery.attemptCount()).isEqualTo(1);
    }

    @Test
    void duplicateDeliveryFaultPushesTheSameEventNTimes() throws Exception {
        LarkEvent event = events.textMessage(alice, "oc_1", "twice?");

        List<WebhookDelivery> copies = hook.pushDuplicates(event, 5);

        await().until(() -> copies.stream().allMatch(WebhookDelivery::isDelivered));
        assertThat(app.received()).hasSize(5);
        ObjectMapper json = new ObjectMapper();
        for (TestReceiver.Received received : app.received()) {
            assertThat(json.readTree(received.body()).path("header").path("event_id").asText()).isEqualTo(event.id());
        }
        assertThat(hook.deliveries()).hasSize(5);
    }

    @Test
    void faultsSpoilExactlyOneCheck() throws Exception {
        Webhook secure = hook.withEncryptKey("right");
        LarkEvent event = events.textMessage(alice, "oc_1", "x");
        ObjectMapper json = new ObjectMapper();

        WebhookRequest wrongSignature = secure.withWrongSignatureKey("wrong").prepare(event);
        assertThat(signatureMatches(wrongSignature, "right")).isFalse();
        assertThat(EventCrypto.decrypt("right", json.readTree(wrongSignature.body()).path("encrypt").asText())).isEqualTo(event.toJson());

        WebhookRequest wrongEncryption = secure.withWrongEncryptionKey("wrong").prepare(event);
        assertThat(signatureMatches(wrongEncryption, "right")).isTrue();

        assertThat(signatureMatches(secure.withTampering(Tampering.SIGNATURE).prepare(event), "right")).isFalse();
        assertThat(signatureMatches(secure.withTampering(Tampering.BODY_AFTER_SIGNING).prepare(event), "right")).isFalse();
        assertThat(secure.withTampering(Tampering.MISSING_SIGNATURE).prepare(event).headers()).doesNotContainKey(WebhookRequest.SIGNATURE);

        WebhookRequest badBase64 = secure.withTampering(Tampering.BAD_BASE64).prepare(event);
        assertThat(signatureMatches(badBase64, "right")).isTrue();
        assertThat(json.readTree(badBase64.body()).path("encrypt").asText()).startsWith("%%");

        WebhookRequest truncated = secure.withTampering(Tampering.TRUNCATED_CIPHERTEXT).prepare(event);
        assertThat(signatureMatches(truncated, "right")).isTrue();
        assertThat(java.util.Base64.getDecoder().decode(json.readTree(truncated.body()).path("encrypt").asText()).length % 16).isNotZero();

        WebhookRequest notJson = secure.withTampering(Tampering.NOT_JSON).prepare(event);
        assertThat(EventCrypto.decrypt("right", json.readTree(notJson.body()).path("encrypt").asText())).isEqualTo("this is not json");
    }

    @Test
    void theOldCardCallbackIsSignedWithSha1OverTheVerificationToken() {
        LarkEvent click = events.legacyCardAction(alice, "om_1", "oc_1", Map.of("op", "approve"));

        WebhookRequest request = hook.withLegacyCardVerificationToken("v-token").prepare(click);

        assertThat(request.bodyAsString()).isEqualTo(click.toJson());
        assertThat(request.headers().get(WebhookRequest.SIGNATURE)).hasSize(40).isEqualTo(EventCrypto.legacyCardSignature(
                request.headers().get(WebhookRequest.TIMESTAMP), request.headers().get(WebhookRequest.NONCE), "v-token", request.body()));
        assertThat(click.isCallback()).isTrue();
        assertThat(LarkEvent.parse(click.toJson()).type()).isEqualTo("card.action.trigger_v1");
    }

    @Test
    void aBurstOfAThousandEventsIsDeliveredOnceEachOnABoundedNumberOfThreads() throws Exception {
        List<WebhookDelivery> burst = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            burst.add(hook.push(events.textMessage(alice, "oc_1", "event " + i)));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> burst.stream().allMatch(WebhookDelivery::isDelivered));
        assertThat(app.received()).hasSize(1000);
        ObjectMapper json = new ObjectMapper();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (TestReceiver.Received received : app.received()) {
            ids.add(json.readTree(received.body()).path("header").path("event_id").asText());
        }
        assertThat(ids).hasSize(1000);
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("testkit-webhook-sender")).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void closeStopsEveryPusherThread() {
        app.answer(r -> new Answer(500, ""));
        hook.withRetrySchedule(RetrySchedule.every(Duration.ofSeconds(30), 1)).push(events.textMessage(alice, "oc_1", "x"));
        await().until(() -> app.received().size() == 1);

        pusher.close();

        await().untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("testkit-webhook") && t.isAlive()));
        assertThat(pusher.deliveries()).allMatch(d -> d.state() == WebhookDelivery.State.GAVE_UP);
    }

    private static boolean signatureMatches(WebhookRequest request, String key) {
        return EventCrypto.signature(request.headers().get(WebhookRequest.TIMESTAMP), request.headers().get(WebhookRequest.NONCE),
                key, request.body()).equals(request.headers().get(WebhookRequest.SIGNATURE));
    }

    private static void awaitQuietly(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
