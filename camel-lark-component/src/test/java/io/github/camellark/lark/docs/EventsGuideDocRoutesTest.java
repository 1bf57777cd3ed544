package io.github.camellark.lark.docs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.testkit.camel.SimulatorSetup;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.events.WebhookAttempt;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.ws.WsAttempt;
import io.github.camellark.lark.testkit.ws.WsDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The routes of docs/events.md, verbatim, run against the simulator: if a route changes here, the page changes with it. */
class EventsGuideDocRoutesTest extends DocRoutesTestSupport {

    /** "Several routes for one app": one route per event type. */
    static final class OneRoutePerEventType extends RouteBuilder {
        @Override
        public void configure() {
            from("lark:events?eventTypes=im.message.receive_v1").to("direct:commands");
            from("lark:events?eventTypes=im.chat.member.user.added_v1").to("direct:welcome");
        }
    }

    /** "Several routes for one app": one consumer dispatching by type. */
    static final class OneConsumerPerApp extends RouteBuilder {
        @Override
        public void configure() {
            from("lark:events?eventTypes=im.message.receive_v1,im.chat.member.user.added_v1")
                .choice()
                    .when(header("CamelLarkEventType").isEqualTo("im.chat.member.user.added_v1"))
                        .to("direct:welcome")
                    .otherwise()
                        .to("direct:commands");
        }
    }

    /** "Camel Main", webhook. */
    static final class WebhookConsumer extends RouteBuilder {
        @Override
        public void configure() {
            from("lark:events?transport=webhook")
                .to("direct:commands");
        }
    }

    /** "Card callbacks". */
    static final class CardCallback extends RouteBuilder {
        @Override
        public void configure() {
            from("lark:events?eventTypes=card.action.trigger")
                .setBody(constant(Map.of("toast", Map.of("type", "success", "content", "Approved"))))
                .wireTap("direct:record-approval");          // a copy goes on after Lark has its answer

            from("direct:record-approval")
                .delay(1000)                                   // Lark refuses a delayed update before the click is answered
                .setBody(constant(Map.of("elements", List.of(Map.of("tag", "markdown", "content", "**Approved**")))))
                .to("lark:card?operation=delayUpdate");       // CamelLarkCardToken came with the click
        }
    }

    /** "Several instances": one node of the cluster. */
    static final class ClusterNode extends RouteBuilder {
        @Override
        public void configure() {
            from("lark:events?idempotentRepository=#larkEventIds")
                .to("mock:cluster");
        }
    }

    /** What the routes above hand events to. */
    static final class Receivers extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:welcome").to("mock:welcome");
            from("direct:commands").to("mock:commands");
        }
    }

    @Test
    void oneRoutePerEventTypeSharesOneConnectionAndEachEventReachesItsRoute() throws Exception {
        eachEventTypeReachesItsRoute(new OneRoutePerEventType());
    }

    @Test
    void oneConsumerSendsEachEventTypeToItsRoute() throws Exception {
        eachEventTypeReachesItsRoute(new OneConsumerPerApp());
    }

    private void eachEventTypeReachesItsRoute(RouteBuilder routes) throws Exception {
        start(routes, new Receivers());
        awaitLongConnections(1);
        SimUser alice = sim.createUser("Alice");
        SimUser bob = sim.createUser("Bob");
        SimChat room = sim.createChat("ops-room", alice);
        MockEndpoint commands = getMockEndpoint("mock:commands");
        MockEndpoint welcome = getMockEndpoint("mock:welcome");
        commands.expectedHeaderReceived(LarkConstants.CHAT_ID, room.chatId());
        welcome.expectedHeaderReceived(LarkConstants.EVENT_TYPE, "im.chat.member.user.added_v1");

        sim.userSays(alice, room, "/status");
        sim.events().push(sim.events().factory().chatMemberUserAdded(room.chatId(), "ops-room",
                sim.events().eventUser(alice), sim.events().eventUser(bob)));

        MockEndpoint.assertIsSatisfied(commands, welcome);
        assertThat(sim.longConnection().connections()).hasSize(1);
    }

    @Test
    void theWebhookConsumerDecryptsWhatLarkPushes() throws Exception {
        start(new WebhookConsumer(), new Receivers());
        SimUser alice = sim.createUser("Alice");
        MockEndpoint commands = getMockEndpoint("mock:commands");
        commands.expectedMessageCount(1);

        WebhookAttempt encrypted = sim.webhook(webhookUrl("/lark/events")).withEncryptKey(ENCRYPT_KEY)
                .send(sim.events().factory().textMessage(sim.events().eventUser(alice), "oc_ops", "hello"));
        WebhookAttempt forged = sim.webhook(webhookUrl("/lark/events")).withEncryptKey(ENCRYPT_KEY).withWrongSignatureKey("guessed-key")
                .send(sim.events().factory().textMessage(sim.events().eventUser(alice), "oc_ops", "forged"));

        assertThat(encrypted.acknowledged()).isTrue();
        assertThat(forged.status()).isEqualTo(401);
        commands.assertIsSatisfied();
    }

    @Test
    void theComponentBeanNamedLarkIsTheOneRoutesUse() {
        LarkComponent bean = context.getRegistry().lookupByNameAndType("lark", LarkComponent.class);

        assertThat(context.getComponent("lark")).isSameAs(bean);
        assertThat(context.getEndpoint("lark:events", io.github.camellark.lark.LarkEndpoint.class).getConfiguration()
                .getEncryptKey()).isEqualTo(ENCRYPT_KEY);
    }

    @Test
    void aCardClickIsAnsweredAtOnceAndTheCardUpdatedAfterwards() throws Exception {
        start(new CardCallback());
        awaitLongConnections(1);
        SimUser alice = sim.createUser("Alice");
        SimChat room = sim.createChat("ops-room", alice);
        Exchange sent = template.send("lark:message?msgType=interactive&receiveId=" + room.chatId(), e -> e.getMessage()
                .setBody(Map.of("elements", List.of(Map.of("tag", "markdown", "content", "Deploy 42?")))));
        SimMessage card = sim.state().message(sent.getMessage().getHeader(LarkConstants.MESSAGE_ID, String.class)).orElseThrow();
        String token = sim.state().issueCardToken(card, alice).token();
        LarkEvent click = sim.events().factory().cardAction(sim.events().eventUser(alice), card.messageId(), room.chatId(),
                "button", null, Map.of("op", "approve"), null, token);

        WsDelivery delivery = sim.longConnection().push(click);

        await().atMost(Duration.ofSeconds(5)).until(delivery::isDelivered);
        assertThat(delivery.callbackReply()).hasValueSatisfying(reply -> assertThat(reply).contains("toast", "Approved"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !sim.state().activities("card_delay_update").isEmpty());
        assertThat(sim.state().activities("card_delay_update")).singleElement()
                .satisfies(update -> assertThat(update.detail()).contains("**Approved**"));
    }

    @Test
    void instancesSharingAJdbcRepositoryRouteARedeliveredEventOnce() throws Exception {
        DataSource dataSource = h2("lark-cluster");
        JdbcMessageIdRepository larkEventIds = new JdbcMessageIdRepository(dataSource, "lark-events");
        context.getRegistry().bind("larkEventIds", larkEventIds);
        start(new ClusterNode());
        try (CamelContext secondInstance = secondInstance(dataSource)) {
            awaitLongConnections(2);
            LarkEvent event = sim.events().factory().textMessage(sim.events().factory().user("Alice"), "oc_ops", "deploy");

            // Lark redelivers the same event, each time to one of the app's connections chosen at random
            List<WsDelivery> deliveries = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                WsDelivery delivery = sim.longConnection().push(event);
                await().atMost(Duration.ofSeconds(5)).until(delivery::isDelivered);
                deliveries.add(delivery);
            }

            Set<String> connections = deliveries.stream().flatMap(d -> d.attempts().stream()).map(WsAttempt::connectionId)
                    .collect(Collectors.toSet());
            assertThat(connections).as("the deliveries reached both instances").hasSize(2);
            int routed = getMockEndpoint("mock:cluster").getReceivedCounter()
                         + secondInstance.getEndpoint("mock:cluster", MockEndpoint.class).getReceivedCounter();
            assertThat(routed).as("exchanges routed in the whole cluster").isEqualTo(1);
            assertThat(larkEventIds.contains(event.id())).isTrue();
        }
    }

    /** Another instance of the application: its own Camel context and long connection, the same app and database. */
    private CamelContext secondInstance(DataSource dataSource) throws Exception {
        CamelContext instance = new DefaultCamelContext();
        instance.getRegistry().bind("lark", larkComponent(sim.appId(), sim.appSecret(), ENCRYPT_KEY, VERIFICATION_TOKEN));
        SimulatorSetup.configure(instance.getComponent("lark", LarkComponent.class), sim);
        instance.getRegistry().bind("larkEventIds", new JdbcMessageIdRepository(dataSource, "lark-events"));
        instance.addRoutes(new ClusterNode());
        instance.start();
        return instance;
    }

    private static DataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
