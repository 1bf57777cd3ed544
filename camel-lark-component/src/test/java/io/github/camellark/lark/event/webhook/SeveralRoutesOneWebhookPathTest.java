package io.github.camellark.lark.event.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.support.SampleEvents;
import io.github.camellark.lark.support.WebhookTestSupport;
import io.github.camellark.lark.testkit.events.AppIdentity;
import io.github.camellark.lark.testkit.events.EventUser;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.events.LarkEvents;
import io.github.camellark.lark.testkit.events.RetrySchedule;
import io.github.camellark.lark.testkit.events.Webhook;
import io.github.camellark.lark.testkit.events.WebhookDelivery;
import io.github.camellark.lark.testkit.events.WebhookPusher;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Lark posts every event of an app to its one request URL: several {@code lark:events?transport=webhook} routes on
 * that path are served by one HTTP consumer, and each event reaches every route that wants it.
 */
class SeveralRoutesOneWebhookPathTest extends WebhookTestSupport {

    private final LarkEvents events = new LarkEvents(new AppIdentity(SampleEvents.APP, SampleEvents.TENANT, VERIFICATION_TOKEN));
    private final EventUser alice = events.user("Alice");
    private final WebhookPusher pusher = new WebhookPusher(16);

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
                // docs/events-webhook.md, "Several routes for one app"
                from("lark:events?transport=webhook&eventTypes=im.message.receive_v1").to("direct:messages");
                from("lark:events?transport=webhook&eventTypes=im.chat.member.user.added_v1").to("direct:welcome");

                from("direct:messages").to("mock:messages");
                from("direct:welcome").to("mock:members");
            }
        };
    }

    /** The id of the lark:events route of this event type. */
    private String routeOf(String eventType) {
        return context.getRoutes().stream().filter(r -> r.getEndpoint().getEndpointUri().contains(eventType)).findFirst()
                .orElseThrow().getRouteId();
    }

    private Webhook hook() {
        return pusher.webhook(url(PATH)).withEncryptKey(ENCRYPT_KEY)
                .withRetrySchedule(RetrySchedule.every(Duration.ofMillis(100), 4));
    }

    @Test
    void bothRoutesAreServedOnOnePathAndEveryEventIsRoutedOnce() throws Exception {
        MockEndpoint messages = getMockEndpoint("mock:messages");
        MockEndpoint members = getMockEndpoint("mock:members");
        messages.expectedMessageCount(50);
        members.expectedMessageCount(50);
        messages.setAssertPeriod(300);
        Webhook hook = hook();
        List<WebhookDelivery> deliveries = new ArrayList<>();
        Set<String> messageIds = new java.util.HashSet<>();
        Set<String> memberIds = new java.util.HashSet<>();

        for (int i = 0; i < 50; i++) {
            LarkEvent message = events.textMessage(alice, "oc_1", "message " + i);
            LarkEvent added = events.chatMemberUserAdded("oc_" + i, "chat " + i, alice, events.user("User " + i));
            messageIds.add(message.id());
            memberIds.add(added.id());
            deliveries.add(hook.push(message));
            deliveries.add(hook.push(added));
        }

        CompletableFuture.allOf(deliveries.stream().map(WebhookDelivery::whenFinished).toArray(CompletableFuture[]::new))
                .get(30, TimeUnit.SECONDS);
        assertThat(deliveries).allSatisfy(d -> {
            assertThat(d.isDelivered()).isTrue();
            assertThat(d.attemptCount()).as("answered 200 at once").isEqualTo(1);
        });
        MockEndpoint.assertIsSatisfied(10, TimeUnit.SECONDS, messages, members);
        assertThat(messages.getExchanges()).extracting(e -> e.getMessage().getHeader(LarkConstants.EVENT_ID, String.class))
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(messageIds);
        assertThat(members.getExchanges()).extracting(e -> e.getMessage().getHeader(LarkConstants.EVENT_ID, String.class))
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(memberIds);
    }

    @Test
    void stoppingOneRouteKeepsThePathServedForTheOther() throws Exception {
        context.getRouteController().stopRoute(routeOf("im.message.receive_v1"));
        MockEndpoint members = getMockEndpoint("mock:members");
        members.expectedMessageCount(1);

        WebhookDelivery message = hook().push(events.textMessage(alice, "oc_1", "nobody routes this"));
        WebhookDelivery added = hook().push(events.chatMemberUserAdded("oc_1", "chat", alice, events.user("Bob")));

        assertThat(message.whenFinished().get(10, TimeUnit.SECONDS)).isEqualTo(WebhookDelivery.State.DELIVERED);
        assertThat(added.whenFinished().get(10, TimeUnit.SECONDS)).isEqualTo(WebhookDelivery.State.DELIVERED);
        members.assertIsSatisfied();
        assertThat(getMockEndpoint("mock:messages").getReceivedCounter()).isZero();

        context.getRouteController().stopRoute(routeOf("im.chat.member.user.added_v1"));

        assertThat(push(PATH, "{}").statusCode()).as("the path is no longer served").isEqualTo(404);
    }

    @Test
    void aRouteWithOtherRequestChecksOnThePathFailsToStartNamingThem() throws Exception {
        Throwable failure = catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("lark:events?transport=webhook&eventTypes=card.action.trigger&maxEventBodySize=2048&encryptKey=RAW(other-key-0003)")
                        .routeId("cards").to("mock:cards");
            }
        }));

        while (failure != null && failure.getCause() != null) {
            failure = failure.getCause();
        }
        assertThat(failure).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("route cards").hasMessageContaining("the webhook path " + PATH)
                .hasMessageContaining("encryptKey (values not shown)")
                .hasMessageContaining("maxEventBodySize (2048 here, 1048576 there)")
                .hasMessageNotContaining("other-key-0003").hasMessageNotContaining(ENCRYPT_KEY);
    }
}
