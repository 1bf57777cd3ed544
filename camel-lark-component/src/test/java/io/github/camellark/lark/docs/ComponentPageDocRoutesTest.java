package io.github.camellark.lark.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.client.LarkApiException;
import io.github.camellark.lark.content.LarkContent;
import io.github.camellark.lark.content.PostContent;
import io.github.camellark.lark.support.LogCapture;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camellark.lark.content.PostElement.at;
import static io.github.camellark.lark.content.PostElement.link;
import static io.github.camellark.lark.content.PostElement.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The routes and code of docs/lark-component.md (and the one of docs/troubleshooting.md), verbatim, against the
 * simulator: if a route changes here, the page changes with it.
 */
class ComponentPageDocRoutesTest extends DocRoutesTestSupport {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
    private static final Map<String, Object> SHARED_CARD_CONFIG = Map.of("update_multi", true);

    /** "Configuring the component". */
    static final class Notify extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:notify")
                .setHeader("CamelLarkReceiveId", simple("${body[chat]}"))
                .setBody(simple("${body[text]}"))
                .to("lark:message");
        }
    }

    /** "image and file". */
    static final class ImagesAndFiles extends RouteBuilder {
        @Override
        public void configure() {
            // upload a chart and post it to the ops group: the upload leaves {image_key} as the body and CamelLarkImageKey
            from("file:{{charts.dir}}?include=.*\\.png")
                .to("lark:image")
                .to("lark:message?msgType=image&receiveId={{ops.chat-id}}");

            // attach the nightly report, then fetch a file back to disk
            from("file:{{reports.dir}}").to("lark:file").to("lark:message?msgType=file&receiveId={{ops.chat-id}}");
            from("direct:fetch")
                .to("lark:file?operation=download")          // CamelLarkFileKey from the exchange
                .setHeader(Exchange.FILE_NAME, header("CamelLarkFileName"))
                .to("file:{{downloads.dir}}");
        }
    }

    /** "card". */
    static final class Cards extends RouteBuilder {
        @Override
        public void configure() {
            // turn the alert card green once the incident is resolved (both cards declare config.update_multi: true)
            from("direct:resolved")
                .setBody(method(AlertCards.class, "resolved"))  // LarkContent.card(...), a Map or card JSON
                .to("lark:card");                                // update: CamelLarkMessageId names the sent card

            // show a card only to the user who asked
            from("direct:private-hint")
                .setBody(method(AlertCards.class, "hint"))
                .to("lark:card?operation=sendEphemeral&chatId={{ops.chat-id}}");   // CamelLarkReceiveId = the user's open_id

            // a card callback's token (CamelLarkCardToken) updates the card later, after the callback has been answered
            from("seda:after-click").setBody(method(AlertCards.class, "done")).to("lark:card?operation=delayUpdate");
        }
    }

    /** "reaction, pin, urgent, urlPreview, chat, customBot". */
    static final class OtherResources extends RouteBuilder {
        @Override
        public void configure() {
            // thumbs-up every message that mentions a deploy, and pin it
            from("lark:events?eventTypes=im.message.receive_v1")
                .filter(simple("${body[message][content]} contains 'deploy'"))
                .to("lark:reaction?emojiType=THUMBSUP")       // CamelLarkMessageId came with the event
                .to("lark:pin");

            // the last 20 pins of a chat, newest first
            from("direct:pins").to("lark:pin?operation=list&chatId={{ops.chat-id}}&pageSize=20");

            // buzz the on-call engineers about an alert the bot sent
            from("direct:escalate")
                .setHeader("CamelLarkUserIdList", simple("{{oncall.open-ids}}"))   // a List, or ids separated by commas
                .to("lark:urgent?operation=phone");          // CamelLarkMessageId of the alert

            // refresh link previews after the data behind them changed
            from("direct:previews").to("lark:urlPreview");  // body: List of preview tokens

            // the alert-group scenario: create a group, then add the responders
            from("direct:incident")
                .setBody(simple("{\"name\":\"incident-${header.id}\",\"chat_type\":\"private\",\"owner_id\":\"{{lead.open-id}}\"}"))
                .to("lark:chat")                               // sets CamelLarkChatId
                .setBody(header("responders"))                  // a List of open_ids
                .to("lark:chat?operation=addMembers&memberIdType=open_id");

            // post to a group through its custom bot (no app needed); signed when botSecret is set
            from("direct:hook").to("lark:customBot?webhookUrl=RAW({{lark.hook}})&botSecret=RAW({{lark.hook-secret}})");
        }
    }

    /** docs/troubleshooting.md. */
    static final class LoggedRefusals extends RouteBuilder {
        @Override
        public void configure() {
            onException(LarkApiException.class)
                .log("Lark refused: ${exception.message} (log id ${header.CamelLarkLogId})");

            from("direct:refused").to("lark:message?receiveId={{ops.chat-id}}");
        }
    }

    /** The cards of the "card" routes: shared cards, so that they can be updated. */
    public static final class AlertCards {
        public LarkContent resolved() {
            return card("Resolved", "green");
        }

        public LarkContent hint() {
            return LarkContent.card(Map.of("elements", List.of(markdown("Only you can see this: run `/ack` to take the alert"))));
        }

        public LarkContent done() {
            return card("Done", "grey");
        }

        static LarkContent card(String title, String colour) {
            return LarkContent.card(Map.of("config", SHARED_CARD_CONFIG,
                    "header", Map.of("template", colour, "title", Map.of("tag", "plain_text", "content", title)),
                    "elements", List.of(markdown("CPU on **db-1**"))));
        }

        static Map<String, Object> markdown(String content) {
            return Map.of("tag", "markdown", "content", content);
        }
    }

    /** "Message content": every builder the page shows. */
    static List<LarkContent> contents(Map<String, Object> cardMap) {
        LarkContent alert = LarkContent.text("disk full on host-1").mention("ou_1", "Tom");     // <at user_id="ou_1">Tom</at>
        LarkContent everyone = LarkContent.text("all hands").mentionAll();
        LarkContent deploy = LarkContent.post().title("Deploy")                                 // zh_cn first, then en_us
                .paragraph(text("build "), link("#42", "https://ci.example.com/42").bold(), at("ou_1"))
                .locale(PostContent.EN_US).title("Deploy").line("done");
        LarkContent chart = LarkContent.image("img_v2_041b28e3");       // likewise file, audio, sticker
        LarkContent video = LarkContent.media("file_v2_9f3c").cover("img_v2_041b28e3");
        LarkContent room = LarkContent.shareChat("oc_a0553eda9014c201e6969b478895c230");   // likewise shareUser("ou_...")
        LarkContent card = LarkContent.card(cardMap);          // or a Jackson node or JSON text: card JSON 1.0 or 2.0
        LarkContent template = LarkContent.template("AAqk1aZ0Lm1x2").version("1.0.0").variable("host", "h1");
        LarkContent divider = LarkContent.systemDivider("New session");
        return List.of(alert, everyone, deploy, chart, video, room, card, template, divider);
    }

    @TempDir
    Path charts;
    @TempDir
    Path reports;
    @TempDir
    Path downloads;

    private SimUser alice;
    private SimUser bob;
    private SimChat ops;

    @BeforeEach
    void opsRoomAndProperties() {
        alice = sim.createUser("Alice");
        bob = sim.createUser("Bob");
        ops = sim.createChat("ops-room", alice, bob);
        Map.of("ops.chat-id", ops.chatId(), "charts.dir", charts.toString(), "reports.dir", reports.toString(),
                "downloads.dir", downloads.toString(), "oncall.open-ids", alice.openId() + "," + bob.openId(),
                "lead.open-id", alice.openId(), "lark.hook", sim.webhookUrl(sim.createCustomBot(ops, "hook-secret-0001")),
                "lark.hook-secret", "hook-secret-0001")
                .forEach(context.getPropertiesComponent()::addOverrideProperty);
    }

    @Test
    void oneEndpointServesEveryChatThroughTheReceiveIdHeader() throws Exception {
        start(new Notify());

        template.sendBody("direct:notify", Map.of("chat", ops.chatId(), "text", "deploy done"));

        assertThat(sim.conversation().in(ops).texts()).containsExactly("deploy done");
    }

    @Test
    void everyContentBuilderCarriesItsMsgType() {
        List<LarkContent> contents = contents(Map.of("elements", List.of()));

        assertThat(contents).extracting(LarkContent::msgType).containsExactly("text", "text", "post", "image", "media",
                "share_chat", "interactive", "interactive", "system");
        assertThat(contents.get(0).content()).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("text", "disk full on host-1 <at user_id=\"ou_1\">Tom</at>");
        assertThat(contents.get(2).content()).asInstanceOf(InstanceOfAssertFactories.MAP).containsKeys("zh_cn", "en_us");
    }

    @Test
    void aChartAndAReportAreUploadedAndPostedAndTheReportFetchedBack() throws Exception {
        start(new ImagesAndFiles());

        Files.write(charts.resolve("cpu.png"), PNG);
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.state().messagesIn(ops).size() == 1);
        Files.writeString(reports.resolve("nightly.pdf"), "%PDF-1.7 nightly numbers");
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.state().messagesIn(ops).size() == 2);
        String fileKey = sim.state().files().get(0).key();
        template.sendBodyAndHeader("direct:fetch", null, LarkConstants.FILE_KEY, fileKey);

        assertThat(sim.state().messagesIn(ops)).extracting(SimMessage::msgType).containsExactly("image", "file");
        assertThat(sim.state().images().get(0).bytes()).isEqualTo(PNG);
        assertThat(downloads.resolve("nightly.pdf")).hasContent("%PDF-1.7 nightly numbers");
    }

    @Test
    void aSharedCardIsUpdatedShownPrivatelyAndUpdatedAfterAClick() throws Exception {
        start(new Cards());
        Exchange alert = template.send("lark:message?receiveId=" + ops.chatId(),
                e -> e.getMessage().setBody(AlertCards.card("CPU 97%", "red")));
        String cardId = alert.getMessage().getHeader(LarkConstants.MESSAGE_ID, String.class);
        String token = sim.state().issueCardToken(sim.state().message(cardId).orElseThrow(), alice).token();

        Exchange resolved = template.send("direct:resolved", e -> e.getMessage().setHeader(LarkConstants.MESSAGE_ID, cardId));
        Exchange hint = template.send("direct:private-hint", e -> e.getMessage().setHeader(LarkConstants.RECEIVE_ID, alice.openId()));
        template.sendBodyAndHeader("seda:after-click", null, LarkConstants.CARD_TOKEN, token);

        assertThat(resolved.getException()).isNull();
        assertThat(hint.getException()).isNull();
        assertThat(sim.state().activities("card_patch")).singleElement()
                .satisfies(patch -> assertThat(patch.detail()).contains("Resolved"));
        assertThat(sim.state().ephemeralCards()).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sim.state().activities("card_delay_update"))
                .singleElement().satisfies(update -> assertThat(update.detail()).contains("Done")));
    }

    @Test
    void aDeployMessageIsThumbedUpAndPinned() throws Exception {
        start(new OtherResources());
        awaitLongConnections(1);

        SimMessage deploy = sim.userSays(alice, ops, "deploy 42 is out");
        sim.userSays(alice, ops, "lunch?");

        await().atMost(Duration.ofSeconds(10)).until(() -> sim.state().pins().size() == 1);
        assertThat(sim.state().reactions()).singleElement().satisfies(reaction -> {
            assertThat(reaction.messageId()).isEqualTo(deploy.messageId());
            assertThat(reaction.emojiType()).isEqualTo("THUMBSUP");
        });
        assertThat(sim.state().pins().get(0).messageId()).isEqualTo(deploy.messageId());
        assertThat(template.requestBody("direct:pins", null, List.class)).hasSize(1);
    }

    @Test
    void theOnCallPeopleAreBuzzedByPhone() throws Exception {
        start(new OtherResources());
        Exchange alert = template.send("lark:message?receiveId=" + ops.chatId(), e -> e.getMessage().setBody("CPU 97% on db-1"));

        Exchange buzzed = template.send("direct:escalate", e -> e.getMessage()
                .setHeader(LarkConstants.MESSAGE_ID, alert.getMessage().getHeader(LarkConstants.MESSAGE_ID)));

        assertThat(buzzed.getException()).isNull();
        assertThat(sim.state().activities("urgent_phone")).singleElement()
                .satisfies(buzz -> assertThat(buzz.ids()).containsExactlyInAnyOrder(alice.openId(), bob.openId()));
    }

    @Test
    void previewsAreRefreshed() throws Exception {
        start(new OtherResources());

        Exchange refreshed = template.send("direct:previews", e -> e.getMessage().setBody(List.of("preview-token-1")));

        assertThat(refreshed.getException()).isNull();
        assertThat(sim.state().activities("url_preview_update")).singleElement()
                .satisfies(activity -> assertThat(activity.ids()).containsExactly("preview-token-1"));
    }

    @Test
    void anIncidentGroupIsCreatedWithItsResponders() throws Exception {
        start(new OtherResources());
        SimUser carol = sim.createUser("Carol");

        Exchange created = template.send("direct:incident", e -> {
            e.getMessage().setHeader("id", "7");
            e.getMessage().setHeader("responders", List.of(bob.openId(), carol.openId()));
        });

        assertThat(created.getException()).isNull();
        SimChat incident = sim.state().chatNamed("incident-7").orElseThrow();
        assertThat(created.getMessage().getHeader(LarkConstants.CHAT_ID)).isEqualTo(incident.chatId());
        assertThat(incident.members()).contains(bob, carol);
    }

    @Test
    void aCustomBotPostsIntoItsGroup() throws Exception {
        start(new OtherResources());

        template.sendBody("direct:hook", "nightly build is green");

        assertThat(sim.conversation().in(ops).texts()).containsExactly("nightly build is green");
    }

    @Test
    void aRefusalIsLoggedWithItsLogId() throws Exception {
        start(new LoggedRefusals());
        sim.faults().failNext(1, 400, 230002, "Bot/User can NOT be out of the chat.");

        Exchange refused = template.send("direct:refused", e -> e.getMessage().setBody("hello"));

        String logId = ((LarkApiException) refused.getException()).getLogId();
        assertThat(logId).isNotBlank();
        assertThat(LogCapture.linesContaining("Lark refused: ")).anySatisfy(line -> assertThat(line).contains("230002",
                "(log id " + logId + ")"));
    }
}
