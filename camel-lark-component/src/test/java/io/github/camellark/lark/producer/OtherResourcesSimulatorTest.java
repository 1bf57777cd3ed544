package io.github.camellark.lark.producer;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.client.LarkApiException;
import io.github.camellark.lark.support.SimulatorTestSupport;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimCustomBot;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.StoredResource;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producers of this branch against the testkit's Lark simulator, which validates requests the way Lark does
 * (multipart fields, uploaded keys referenced by content, shared cards, card tokens, custom-bot signatures) and keeps
 * state to look at afterwards.
 */
class OtherResourcesSimulatorTest extends SimulatorTestSupport {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
    private static final String SHARED_CARD = "{\"config\":{\"update_multi\":true},\"elements\":[{\"tag\":\"div\",\"text\":"
                                              + "{\"tag\":\"lark_md\",\"content\":\"**%s**\"}}]}";

    @Override
    protected void configureLark(LarkComponent component) {
        component.getConfiguration().setRetryBackoff(10);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chart").to("lark:image").to("lark:message?msgType=image");
            }
        };
    }

    @Test
    void anUploadedImageIsSentToAChat() throws Exception {
        SimChat ops = lark.createChat("ops-room", lark.createUser("Alice"));

        Exchange result = template.send("direct:chart", e -> {
            e.getMessage().setBody(PNG);
            e.getMessage().setHeader(LarkConstants.FILE_NAME, "cpu.png");
            e.getMessage().setHeader(LarkConstants.RECEIVE_ID, ops.chatId());
        });

        assertThat(result.getException()).isNull();
        StoredResource image = lark.state().images().get(0);
        assertThat(image.type()).isEqualTo("message");
        assertThat(image.bytes()).isEqualTo(PNG);
        SimMessage sent = lark.state().messagesIn(ops).get(0);
        assertThat(sent.msgType()).isEqualTo("image");
        assertThat(sent.content()).contains(image.key());
    }

    @Test
    void aStreamOfUnknownLengthIsUploadedAndDownloadedByteForByte() throws Exception {
        byte[] pdf = "%PDF-1.7 streamed through a chunked multipart body".getBytes(StandardCharsets.US_ASCII);

        Exchange uploaded = template.send("lark:file?fileName=notes.pdf&duration=0", e -> e.getMessage()
                .setBody(new BufferedInputStream(new ByteArrayInputStream(pdf))));
        String fileKey = uploaded.getMessage().getHeader(LarkConstants.FILE_KEY, String.class);
        Exchange downloaded = template.send("lark:file?operation=download",
                e -> e.getMessage().setHeader(LarkConstants.FILE_KEY, fileKey));

        assertThat(uploaded.getException()).isNull();
        StoredResource file = lark.state().resource(fileKey).orElseThrow();
        assertThat(file.type()).isEqualTo("pdf");
        assertThat(file.fileName()).isEqualTo("notes.pdf");
        assertThat(file.bytes()).isEqualTo(pdf);
        assertThat(downloaded.getException()).isNull();
        try (InputStream in = downloaded.getMessage().getBody(InputStream.class)) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        assertThat(downloaded.getMessage().getHeader(LarkConstants.FILE_NAME)).isEqualTo("notes.pdf");
    }

    @Test
    void aSharedCardIsUpdatedDirectlyAndLaterThroughTheCallbackToken() {
        SimUser alice = lark.createUser("Alice");
        SimChat ops = lark.createChat("ops-room", alice);
        Exchange sent = template.send("lark:message?msgType=interactive&receiveId=" + ops.chatId(),
                e -> e.getMessage().setBody(String.format(SHARED_CARD, "CPU 97%")));
        String messageId = sent.getMessage().getHeader(LarkConstants.MESSAGE_ID, String.class);

        Exchange updated = template.send("lark:card", e -> {
            e.getMessage().setBody(String.format(SHARED_CARD, "acknowledged"));
            e.getMessage().setHeader(LarkConstants.MESSAGE_ID, messageId);
        });
        String token = lark.state().issueCardToken(lark.state().message(messageId).orElseThrow(), alice).token();
        Exchange delayed = template.send("lark:card?operation=delayUpdate", e -> {
            e.getMessage().setBody(String.format(SHARED_CARD, "resolved"));
            e.getMessage().setHeader(LarkConstants.CARD_TOKEN, token);
        });

        assertThat(sent.getException()).isNull();
        assertThat(updated.getException()).isNull();
        assertThat(delayed.getException()).isNull();
        assertThat(lark.state().activities("card_patch")).singleElement()
                .satisfies(activity -> assertThat(activity.detail()).contains("acknowledged"));
        assertThat(lark.state().activities("card_delay_update")).singleElement()
                .satisfies(activity -> assertThat(activity.detail()).contains("resolved"));
    }

    @Test
    void anEphemeralCardIsShownToOneUserAndDeleted() {
        // the simulator derives e-mail addresses from names and is shared by the class: a name of its own
        SimUser alice = lark.createUser("Alice Ephemeral");
        SimChat ops = lark.createChat("ops-room", alice);

        Exchange shown = template.send("lark:card?operation=sendEphemeral&chatId=" + ops.chatId() + "&receiveIdType=email",
                e -> {
                    e.getMessage().setBody(Map.of("elements", List.of(Map.of("tag", "markdown", "content", "only you"))));
                    e.getMessage().setHeader(LarkConstants.RECEIVE_ID, alice.email());
                });
        String messageId = shown.getMessage().getHeader(LarkConstants.MESSAGE_ID, String.class);
        Exchange deleted = template.send("lark:card?operation=deleteEphemeral", e -> e.getMessage().setHeader(LarkConstants.MESSAGE_ID, messageId));

        assertThat(shown.getException()).isNull();
        assertThat(deleted.getException()).isNull();
        assertThat(lark.state().ephemeralCard(messageId).orElseThrow().deleted()).isTrue();
        assertThat(lark.state().ephemeralCard(messageId).orElseThrow().user()).isEqualTo(alice);
    }

    @Test
    void reactionsAndPinsOnAUsersMessage() {
        SimUser alice = lark.createUser("Alice");
        SimChat ops = lark.createChat("ops-room", alice);
        SimMessage said = lark.userSays(alice, ops, "deploy done");
        String mid = "&messageId=" + said.messageId();

        Exchange reacted = template.send("lark:reaction?emojiType=THUMBSUP" + mid, e -> {
        });
        Exchange reactions = template.send("lark:reaction?operation=list" + mid, e -> {
        });
        Exchange pinned = template.send("lark:pin?operation=create" + mid, e -> {
        });
        Exchange pins = template.send("lark:pin?operation=list&chatId=" + ops.chatId(), e -> {
        });
        Exchange unreacted = template.send("lark:reaction?operation=delete" + mid, e -> e.getMessage()
                .setHeader(LarkConstants.REACTION_ID, reacted.getMessage().getHeader(LarkConstants.REACTION_ID)));
        Exchange unpinned = template.send("lark:pin?operation=delete" + mid, e -> {
        });

        for (Exchange result : List.of(reacted, reactions, pinned, pins, unreacted, unpinned)) {
            assertThat(result.getException()).isNull();
        }
        assertThat(reactions.getMessage().getBody(List.class)).hasSize(1);
        assertThat(pins.getMessage().getBody(List.class)).hasSize(1);
        assertThat(lark.state().reactions()).isEmpty();
        assertThat(lark.state().pins()).isEmpty();
    }

    @Test
    void buzzesAndUrlPreviewRefreshes() {
        SimUser alice = lark.createUser("Alice");
        SimChat ops = lark.createChat("ops-room", alice);
        Exchange alert = template.send("lark:message?receiveId=" + ops.chatId(), e -> e.getMessage().setBody("disk full"));

        Exchange buzzed = template.send("lark:urgent?operation=app", e -> {
            e.getMessage().setHeader(LarkConstants.MESSAGE_ID, alert.getMessage().getHeader(LarkConstants.MESSAGE_ID));
            e.getMessage().setBody(List.of(alice.openId()));
        });
        Exchange refreshed = template.send("lark:urlPreview", e -> e.getMessage().setBody(List.of("pt_1", "pt_2")));

        assertThat(buzzed.getException()).isNull();
        assertThat(buzzed.getMessage().getBody(Map.class)).containsEntry("invalid_user_id_list", List.of());
        assertThat(lark.state().activities("urgent_app")).singleElement()
                .satisfies(activity -> assertThat(activity.ids()).containsExactly(alice.openId()));
        assertThat(refreshed.getException()).isNull();
        assertThat(lark.state().activities("url_preview_update")).singleElement()
                .satisfies(activity -> assertThat(activity.ids()).containsExactly("pt_1", "pt_2"));
    }

    @Test
    void aGroupIsCreatedAndMembersAdded() {
        SimUser lead = lark.createUser("Lead");
        SimUser responder = lark.createUser("Responder");

        Exchange created = template.send("lark:chat", e -> e.getMessage().setBody(Map.of("name", "incident-42", "owner_id", lead.openId(),
                "user_id_list", List.of(lead.openId()), "chat_type", "private")));
        Exchange added = template.send("lark:chat?operation=addMembers&memberIdType=open_id", e -> {
            e.getMessage().setHeader(LarkConstants.CHAT_ID, created.getMessage().getHeader(LarkConstants.CHAT_ID));
            e.getMessage().setBody(List.of(responder.openId()));
        });

        assertThat(created.getException()).isNull();
        assertThat(added.getException()).isNull();
        SimChat chat = lark.state().chat(created.getMessage().getHeader(LarkConstants.CHAT_ID, String.class)).orElseThrow();
        assertThat(chat.name()).isEqualTo("incident-42");
        assertThat(chat.members()).contains(lead, responder);
    }

    @Test
    void aSignedCustomBotMessageIsAcceptedAndAWrongSecretRefused() {
        SimChat ops = lark.createChat("ops-room", lark.createUser("Alice"));
        SimCustomBot bot = lark.createCustomBot(ops, "hook-signing-secret");
        String uri = "lark:customBot?webhookUrl=RAW(" + lark.webhookUrl(bot) + ")&botSecret=RAW(";

        Exchange signed = template.send(uri + "hook-signing-secret)", e -> e.getMessage().setBody("disk full on host-1"));
        Exchange wrong = template.send(uri + "not-the-secret)", e -> e.getMessage().setBody("x"));

        assertThat(signed.getException()).isNull();
        assertThat(lark.conversation().in(ops).texts()).containsExactly("disk full on host-1");
        assertThat(wrong.getException()).isInstanceOf(LarkApiException.class);
        assertThat(((LarkApiException) wrong.getException()).getCode()).isEqualTo(19021);
        assertThat(lark.journal().tokenRequests()).isEmpty();
    }
}
