package io.github.camellark.lark.docs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.camellark.lark.LarkAppType;
import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.client.LarkApiException;
import io.github.camellark.lark.testkit.events.WebhookAttempt;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimCustomBot;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The routes of docs/recipes.md, verbatim, against the simulator: if a route changes here, the page changes with it. */
class RecipesDocRoutesTest extends DocRoutesTestSupport {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

    /** "Upload an image or file, then send it". */
    static final class UploadThenSend extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:chart")
                .to("lark:image")
                .to("lark:message?msgType=image&receiveId={{ops.chat-id}}");

            from("direct:report")                                         // CamelFileName (or CamelLarkFileName) names the file
                .to("lark:file")
                .to("lark:message?msgType=file&receiveId={{ops.chat-id}}");
        }
    }

    /** "Read a chat's whole history, page by page". */
    static final class History extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:archive")
                .to("lark:message?operation=list&containerId={{ops.chat-id}}&pageSize=50&autoPaginate=true")
                .split(body()).streaming()
                    .setBody(simple("${body[message_id]} ${body[msg_type]} ${body[body][content]}"))
                    .to("direct:archive-line")
                .end();

            from("direct:archive-line").to("mock:archive");
        }
    }

    /** "Alerts through a group's custom bot, signed". */
    static final class CustomBotAlerts extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:alert")
                .setBody(simple("[${header.severity}] ${body}"))
                .to("lark:customBot?webhookUrl=RAW({{alerts.webhook-url}})&botSecret=RAW({{alerts.bot-secret}})");
        }
    }

    /** "Act as a user". */
    static final class PostAsUser extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:post-as-user")
                .setHeader("CamelLarkUserAccessToken", method("userTokens", "tokenOf(${header.userOpenId})"))
                .to("lark:message?receiveId={{ops.chat-id}}");                // sent by the user, not by the bot
        }
    }

    /** "Store apps". */
    static final class StoreApp extends RouteBuilder {
        @Override
        public void configure() {
            from("lark:events?transport=webhook&eventTypes=im.message.receive_v1")
                .setBody(constant("Thanks, we are on it."))
                .to("lark:message?operation=reply");                          // for the tenant in CamelLarkTenantKey
        }
    }

    /** "Handle Lark's errors". */
    static final class ErrorHandling extends RouteBuilder {
        @Override
        public void configure() {
            onException(LarkApiException.class)
                .onWhen(simple("${exception.code} == 230002"))                  // the bot is not in the chat
                .handled(true)
                .setBody(simple("Add the bot to the chat first (Lark log id ${exception.logId})"))
                .to("direct:ops-ticket");

            from("direct:notify")
                .to("lark:message?receiveId={{ops.chat-id}}");

            from("direct:ops-ticket").to("mock:ops-ticket");
        }
    }

    /** Your store of users' OAuth tokens; here the simulator issues them. */
    public final class UserTokens {
        public String tokenOf(String openId) {
            return sim.state().users().stream().filter(u -> u.openId().equals(openId)).findFirst()
                    .map(sim::userAccessToken).orElseThrow();
        }
    }

    private SimUser alice;
    private SimChat ops;

    private void opsRoom(RouteBuilder... routes) throws Exception {
        alice = sim.createUser("Alice");
        ops = sim.createChat("ops-room", alice);
        context.getPropertiesComponent().addOverrideProperty("ops.chat-id", ops.chatId());
        start(routes);
    }

    /** The ops room with a custom bot whose secret is "bot-secret-0001", and the alert route signing with the given one. */
    private void customBotSigningWith(String botSecret) throws Exception {
        alice = sim.createUser("Alice");
        ops = sim.createChat("ops-room", alice);
        SimCustomBot bot = sim.createCustomBot(ops, "bot-secret-0001");
        context.getPropertiesComponent().addOverrideProperty("alerts.webhook-url", sim.webhookUrl(bot));
        context.getPropertiesComponent().addOverrideProperty("alerts.bot-secret", botSecret);
        start(new CustomBotAlerts());
    }

    @Test
    void anUploadedImageAndFileAreSentByTheirKeys() throws Exception {
        opsRoom(new UploadThenSend());

        Exchange chart = template.send("direct:chart", e -> e.getMessage().setBody(PNG));
        Exchange report = template.send("direct:report", e -> {
            e.getMessage().setBody("weekly numbers".getBytes(StandardCharsets.UTF_8));
            e.getMessage().setHeader(Exchange.FILE_NAME, "weekly.pdf");
        });

        assertThat(chart.getException()).isNull();
        assertThat(report.getException()).isNull();
        assertThat(sim.state().messagesIn(ops)).extracting(SimMessage::msgType).containsExactly("image", "file");
        assertThat(sim.state().messagesIn(ops).get(0).content()).contains(sim.state().images().get(0).key());
        assertThat(sim.state().files()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("weekly.pdf");
            assertThat(file.type()).isEqualTo("pdf");
        });
    }

    @Test
    void theWholeHistoryIsSplitOneMessageAtATimeOverSeveralPages() throws Exception {
        opsRoom(new History());
        for (int i = 1; i <= 120; i++) {
            sim.userSays(alice, ops, "message " + i);
        }
        MockEndpoint archive = getMockEndpoint("mock:archive");
        archive.expectedMessageCount(120);

        template.sendBody("direct:archive", null);

        archive.assertIsSatisfied();
        assertThat(archive.getReceivedExchanges().get(0).getMessage().getBody(String.class)).startsWith("om_").contains("text",
                "message 1");
        assertThat(sim.journal().count("GET", "/open-apis/im/v1/messages")).as("pages fetched").isEqualTo(3);
    }

    @Test
    void aSignedAlertReachesTheGroupOfTheCustomBot() throws Exception {
        customBotSigningWith("bot-secret-0001");

        Exchange sent = template.send("direct:alert", e -> {
            e.getMessage().setBody("disk full on db-1");
            e.getMessage().setHeader("severity", "critical");
        });

        assertThat(sent.getException()).isNull();
        assertThat(sim.conversation().in(ops).texts()).containsExactly("[critical] disk full on db-1");
    }

    @Test
    void anAlertSignedWithTheWrongSecretIsRefusedWith19021() throws Exception {
        customBotSigningWith("not-the-secret");

        Exchange sent = template.send("direct:alert", e -> e.getMessage().setBody("disk full on db-1"));

        assertThat(sent.getException()).isInstanceOfSatisfying(LarkApiException.class,
                refused -> assertThat(refused.getCode()).isEqualTo(19021));
        assertThat(sim.conversation().in(ops).texts()).isEmpty();
    }

    @Test
    void aMessageSentWithAUserTokenComesFromThatUser() throws Exception {
        context.getRegistry().bind("userTokens", new UserTokens());
        opsRoom(new PostAsUser());

        Exchange sent = template.send("direct:post-as-user", e -> {
            e.getMessage().setBody("I'm on it");
            e.getMessage().setHeader("userOpenId", alice.openId());
        });

        assertThat(sent.getException()).isNull();
        assertThat(sim.state().messagesIn(ops)).singleElement()
                .satisfies(message -> assertThat(message.sender().user()).isEqualTo(alice));
    }

    @Test
    void aStoreAppRepliesWithTheTenantTokenItGotFromThePushedTicket() throws Exception {
        context.getComponent("lark", LarkComponent.class).getConfiguration().setAppType(LarkAppType.store);
        opsRoom(new StoreApp());
        String events = webhookUrl("/lark/events");

        WebhookAttempt ticket = sim.webhook(events).withEncryptKey(ENCRYPT_KEY)
                .send(sim.events().factory().appTicket(sim.tokens().appTicket()));
        sim.events().deliverTo(sim.webhook(events).withEncryptKey(ENCRYPT_KEY));
        sim.userSays(alice, ops, "the VPN is down");

        assertThat(ticket.acknowledged()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sim.conversation().in(ops).texts())
                .containsExactly("the VPN is down", "Thanks, we are on it."));
        assertThat(sim.journal().count("POST", "/open-apis/auth/v3/app_access_token")).isEqualTo(1);
        assertThat(sim.journal().count("POST", "/open-apis/auth/v3/tenant_access_token")).isEqualTo(1);
        assertThat(sim.journal().count("POST", "/open-apis/auth/v3/tenant_access_token/internal")).isZero();
    }

    @Test
    void aBotOutsideTheChatOpensATicketAndOtherErrorsFailTheExchange() throws Exception {
        opsRoom(new ErrorHandling());
        MockEndpoint tickets = getMockEndpoint("mock:ops-ticket");
        tickets.expectedMessageCount(1);

        sim.faults().failNext(1, 400, 230002, "Bot/User can NOT be out of the chat.");
        Exchange handled = template.send("direct:notify", e -> e.getMessage().setBody("deploy done"));
        sim.faults().failNext(1, 400, 230001, "invalid receive_id");
        Exchange failed = template.send("direct:notify", e -> e.getMessage().setBody("deploy done"));

        tickets.assertIsSatisfied();
        assertThat(handled.getException()).isNull();
        assertThat(tickets.getReceivedExchanges().get(0).getMessage().getBody(String.class))
                .matches("Add the bot to the chat first \\(Lark log id \\S+\\)");
        assertThat(failed.getException()).isInstanceOfSatisfying(LarkApiException.class,
                e -> assertThat(e.getCode()).isEqualTo(230001));
        assertThat(failed.getMessage().getHeader("CamelLarkLogId")).isEqualTo(((LarkApiException) failed.getException()).getLogId());
    }
}
