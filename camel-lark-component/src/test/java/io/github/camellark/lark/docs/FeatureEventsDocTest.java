package io.github.camellark.lark.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.testkit.events.EventUser;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.events.LarkEvents;
import io.github.camellark.lark.testkit.events.WebhookAttempt;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type docs/features.md lists is one the consumer handles as the page says: an event of that type, pushed
 * to the webhook consumer as Lark pushes it, becomes an exchange with the headers its row names (InOut where the row
 * says so), or, for {@code app_ticket}, is kept by the component instead of routed.
 */
class FeatureEventsDocTest extends DocRoutesTestSupport {

    static final Path FEATURES = Path.of("..", "docs", "features.md");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| [^|]+ \\| `([a-z_.0-9]+)` \\| ([^\\n]+) \\|$");
    private static final Pattern HEADER = Pattern.compile("`(CamelLark[A-Za-z]+)`");
    private static final List<String> ON_EVERY_EXCHANGE = List.of(LarkConstants.EVENT_TYPE, LarkConstants.TENANT_KEY,
            LarkConstants.EVENT_RAW);
    private static final List<String> ON_EVERY_BUT_LEGACY_CARDS = List.of(LarkConstants.EVENT_ID, LarkConstants.EVENT_CREATE_TIME,
            LarkConstants.APP_ID);

    record Row(String type, String behaviour) {
        List<String> headers() {
            List<String> headers = new ArrayList<>();
            Matcher header = HEADER.matcher(behaviour);
            while (header.find()) {
                headers.add(header.group(1));
            }
            return headers;
        }
    }

    /** An event of each type the page may list, as the testkit builds them. */
    private Map<String, Function<LarkEvents, LarkEvent>> fixtures() {
        EventUser alice = sim.events().factory().user("Alice");
        return Map.of(
                "im.message.receive_v1", events -> events.textMessage(alice, "oc_ops", "hello"),
                "im.message.message_read_v1", events -> events.messageRead(alice, "om_1", "om_2"),
                "im.message.recalled_v1", events -> events.messageRecalled("om_1", "oc_ops"),
                "im.message.reaction.created_v1", events -> events.reactionCreated("om_1", alice, "THUMBSUP"),
                "im.message.reaction.deleted_v1", events -> events.reactionDeleted("om_1", alice, "THUMBSUP"),
                "im.chat.member.user.added_v1", events -> events.chatMemberUserAdded("oc_ops", "ops-room", alice, alice),
                "card.action.trigger", events -> events.cardAction(alice, "om_card", "oc_ops", Map.of("op", "approve")),
                "card.action.trigger_v1", events -> events.legacyCardAction(alice, "om_card", "oc_ops", Map.of("op", "approve")),
                "app_ticket", events -> events.appTicket("ticket-from-lark"));
    }

    static List<Row> rows() throws Exception {
        String page = Files.readString(FEATURES, StandardCharsets.UTF_8);
        String events = page.substring(page.indexOf("## Events"), page.indexOf("## Tutorial scenarios"));
        List<Row> rows = new ArrayList<>();
        Matcher row = ROW.matcher(events);
        while (row.find()) {
            rows.add(new Row(row.group(1), row.group(2)));
        }
        return rows;
    }

    @Test
    void everyListedEventTypeBecomesTheExchangeThePageDescribes() throws Exception {
        List<Row> rows = rows();
        assertThat(rows).extracting(Row::type).contains("im.message.receive_v1", "card.action.trigger", "app_ticket");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("lark:events?transport=webhook").to("mock:events");
            }
        });
        MockEndpoint routed = getMockEndpoint("mock:events");
        Map<String, Function<LarkEvents, LarkEvent>> fixtures = fixtures();

        for (Row row : rows) {
            assertThat(fixtures).as("a fixture for the event type " + row.type() + " of docs/features.md").containsKey(row.type());
            routed.reset();
            WebhookAttempt attempt = sim.webhook(webhookUrl("/lark/events")).withEncryptKey(ENCRYPT_KEY)
                    .send(fixtures.get(row.type()).apply(sim.events().factory()));
            assertThat(attempt.acknowledged()).as(row.type() + " acknowledged").isTrue();

            if (row.type().equals("app_ticket")) {
                assertThat(routed.getReceivedCounter()).as("app_ticket is not routed").isZero();
                assertThat(context.getComponent("lark", LarkComponent.class).appTicketStore(sim.appId()).current())
                        .isEqualTo("ticket-from-lark");
                continue;
            }
            assertThat(routed.getReceivedExchanges()).as(row.type() + " routed").hasSize(1);
            Exchange exchange = routed.getReceivedExchanges().get(0);
            assertThat(exchange.getMessage().getHeader(LarkConstants.EVENT_TYPE)).isEqualTo(row.type());
            List<String> expected = new ArrayList<>(ON_EVERY_EXCHANGE);
            expected.addAll(row.headers());
            if (!row.type().equals("card.action.trigger_v1")) {
                expected.addAll(ON_EVERY_BUT_LEGACY_CARDS);
            }
            assertThat(exchange.getMessage().getHeaders()).as("headers of " + row.type()).containsKeys(expected.toArray(String[]::new));
            assertThat(exchange.getPattern()).as("pattern of " + row.type())
                    .isEqualTo(row.behaviour().startsWith("InOut") ? ExchangePattern.InOut : ExchangePattern.InOnly);
        }
    }
}
