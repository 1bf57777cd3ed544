package io.github.camellark.lark.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.support.SampleEvents;
import io.github.camellark.lark.support.WebhookTestSupport;
import io.github.camellark.lark.testkit.events.AppIdentity;
import io.github.camellark.lark.testkit.events.EventUser;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.events.LarkEvents;
import io.github.camellark.lark.testkit.events.RetrySchedule;
import io.github.camellark.lark.testkit.events.Webhook;
import io.github.camellark.lark.testkit.events.WebhookAttempt;
import io.github.camellark.lark.testkit.events.WebhookDelivery;
import io.github.camellark.lark.testkit.events.WebhookPusher;
import org.apache.camel.CamelContext;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How events are delivered to the route and how Lark is answered, with the simulator pushing encrypted, signed events
 * and redelivering failed ones: duplicates dropped, failures redelivered and routed, the 3 s budget kept when the route
 * is slow, and a burst routed exactly once.
 */
class EventDeliveryTest extends WebhookTestSupport {

    /** Lark redelivers after 15 s, 5 min, 1 h, 6 h; the same schedule, shortened. */
    private static final RetrySchedule FAST_REDELIVERY = RetrySchedule.every(Duration.ofMillis(100), 4);

    private final LarkEvents events = new LarkEvents(new AppIdentity(SampleEvents.APP, SampleEvents.TENANT, VERIFICATION_TOKEN));
    private final EventUser alice = events.user("Alice");
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    private WebhookPusher pusher;

    @BeforeEach
    void startSimulator() {
        pusher = new WebhookPusher(16);
    }

    @AfterEach
    void stopSimulator() {
        pusher.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        withEventSecrets(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("lark:events?transport=webhook&webhookPath=/once").to("mock:once");

                from("lark:events?transport=webhook&webhookPath=/flaky")
                        .to("mock:attempts")
                        .process(exchange -> {
                            if (failedOnce.add(exchange.getMessage().getHeader(LarkConstants.EVENT_ID, String.class))) {
                                throw new IllegalStateException("database down");
                            }
                        })
                        .to("mock:done");

                from("lark:events?transport=webhook&webhookPath=/slow&eventDeadline=300")
                        .to("mock:slow-start").delay(1500).to("mock:slow-done");

                from("lark:events?transport=webhook&webhookPath=/default-deadline")
                        .delay(3500).to("mock:very-slow-done");

                from("lark:events?transport=webhook&webhookPath=/burst").to("mock:burst");
            }
        };
    }

    private Webhook hook(String path) {
        return pusher.webhook(url(path)).withEncryptKey(ENCRYPT_KEY).withRetrySchedule(FAST_REDELIVERY);
    }

    private static WebhookDelivery.State finished(WebhookDelivery delivery) throws Exception {
        return delivery.whenFinished().get(30, TimeUnit.SECONDS);
    }

    @Test
    void sameEventDeliveredFiveTimesIsRoutedOnce() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:once");
        mock.expectedMessageCount(1);
        mock.setAssertPeriod(300);

        List<WebhookDelivery> deliveries = hook("/once").pushDuplicates(events.textMessage(alice, "oc_1", "hello"), 5);

        for (WebhookDelivery delivery : deliveries) {
            assertThat(finished(delivery)).isEqualTo(WebhookDelivery.State.DELIVERED);
            assertThat(delivery.attemptCount()).as("acknowledged at once, no redelivery").isEqualTo(1);
        }
        mock.assertIsSatisfied();
    }

    @Test
    void duplicateArrivingWhileTheFirstIsStillRoutedIsNotRoutedAgain() throws Exception {
        MockEndpoint started = getMockEndpoint("mock:slow-start");
        started.expectedMessageCount(1);
        started.setAssertPeriod(300);
        LarkEvent event = events.textMessage(alice, "oc_1", "hello");
        Webhook hook = hook("/slow");

        WebhookDelivery first = hook.push(event);
        await().atMost(Duration.ofSeconds(5)).until(() -> started.getReceivedCounter() == 1);
        WebhookAttempt duplicate = hook.send(event);

        assertThat(duplicate.acknowledged()).isTrue();
        assertThat(finished(first)).isEqualTo(WebhookDelivery.State.DELIVERED);
        started.assertIsSatisfied();
        getMockEndpoint("mock:slow-done").expectedMessageCount(1);
        getMockEndpoint("mock:slow-done").assertIsSatisfied(5000);
    }

    @Test
    void routeFailureMakesLarkRedeliverAndTheRedeliveryIsRouted() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);
        done.setAssertPeriod(300);
        LarkEvent event = events.textMessage(alice, "oc_1", "hello");

        WebhookDelivery delivery = hook("/flaky").push(event);

        assertThat(finished(delivery)).isEqualTo(WebhookDelivery.State.DELIVERED);
        assertThat(delivery.attempts()).extracting(WebhookAttempt::status).containsExactly(500, 200);
        assertThat(delivery.attempts().get(0).responseBody()).doesNotContain("database down");
        done.assertIsSatisfied();
        assertThat(done.getExchanges().get(0).getMessage().getHeader(LarkConstants.EVENT_ID)).isEqualTo(event.id());
        assertThat(getMockEndpoint("mock:attempts").getReceivedCounter()).isEqualTo(2);
    }

    @Test
    void routeSlowerThanTheDeadlineIsAcknowledgedInTimeAndStillCompletes() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:slow-done");
        done.expectedMessageCount(1);

        WebhookAttempt attempt = hook("/slow").send(events.textMessage(alice, "oc_1", "hello"));

        assertThat(attempt.acknowledged()).isTrue();
        assertThat(attempt.latency()).isBetween(Duration.ofMillis(250), Duration.ofMillis(1200));
        assertThat(done.getReceivedCounter()).isZero();
        done.assertIsSatisfied(5000);
    }

    @Test
    void routeSlowerThanLarksBudgetIsAcknowledgedWithinItByTheDefaultDeadline() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:very-slow-done");
        done.expectedMessageCount(1);

        WebhookAttempt attempt = hook("/default-deadline").send(events.textMessage(alice, "oc_1", "hello"));

        assertThat(attempt.outcome()).isEqualTo(WebhookAttempt.Outcome.ACKNOWLEDGED);
        assertThat(attempt.latency()).isLessThan(Webhook.LARK_RESPONSE_BUDGET);
        done.assertIsSatisfied(10_000);
    }

    @Test
    void burstOfThousandEventsIsRoutedExactlyOnce() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:burst");
        mock.expectedMessageCount(1000);
        mock.setAssertPeriod(300);
        mock.setResultWaitTime(60_000);
        Webhook hook = hook("/burst");
        List<WebhookDelivery> deliveries = new ArrayList<>();
        Set<String> sent = new java.util.HashSet<>();

        for (int i = 0; i < 1000; i++) {
            LarkEvent event = events.textMessage(alice, "oc_1", "message " + i);
            sent.add(event.id());
            deliveries.add(hook.push(event));
            if (i % 10 == 0) {
                deliveries.add(hook.push(event));
            }
        }

        CompletableFuture.allOf(deliveries.stream().map(WebhookDelivery::whenFinished).toArray(CompletableFuture[]::new))
                .get(60, TimeUnit.SECONDS);
        assertThat(deliveries).allMatch(WebhookDelivery::isDelivered);
        mock.assertIsSatisfied();
        Set<String> routed = mock.getExchanges().stream().map(e -> e.getMessage().getHeader(LarkConstants.EVENT_ID, String.class))
                .collect(Collectors.toSet());
        assertThat(routed).isEqualTo(sent);
        assertThat(mock.getExchanges()).extracting(e -> e.getPattern()).containsOnly(ExchangePattern.InOnly);
    }
}
