package io.github.camellark.lark.producer;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.content.LarkContent;
import io.github.camellark.lark.support.LarkTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class CardHandlerTest extends LarkTestSupport {

    private static final String CARD_JSON = "{\"config\":{\"update_multi\":true},"
                                            + "\"header\":{\"title\":{\"tag\":\"plain_text\",\"content\":\"CPU alert\"},\"template\":\"red\"},"
                                            + "\"elements\":[{\"tag\":\"div\",\"text\":{\"tag\":\"lark_md\",\"content\":\"**host-1** 97%\"}}]}";

    @Test
    void updatePatchesTheMessageWithTheCardAsAJsonString() throws Exception {
        lark.stubFor(patch(urlEqualTo("/open-apis/im/v1/messages/om_card")).willReturn(okJson(success("{}"))));

        Exchange result = template.send("lark:card?messageId=om_card", e -> e.getMessage().setBody(CARD_JSON));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(Map.class)).isEmpty();
        lark.verify(1, patchRequestedFor(urlEqualTo("/open-apis/im/v1/messages/om_card"))
                .withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson("{\"content\":" + new ObjectMapper().writeValueAsString(CARD_JSON) + "}")));
    }

    @Test
    void updateTakesAMapCardAndTheMessageIdHeader() throws Exception {
        lark.stubFor(patch(urlEqualTo("/open-apis/im/v1/messages/om_header")).willReturn(okJson(success("{}"))));
        Map<String, Object> card = new ObjectMapper().readValue(CARD_JSON, Map.class);

        Exchange result = template.send("lark:card?operation=update&messageId=om_option", e -> {
            e.getMessage().setBody(card);
            e.getMessage().setHeader(LarkConstants.MESSAGE_ID, "om_header");
        });

        assertThat(result.getException()).isNull();
        String sentContent = new ObjectMapper().readTree(businessRequests().get(0).getBodyAsString()).get("content").asText();
        assertThat(new ObjectMapper().readTree(sentContent)).isEqualTo(new ObjectMapper().readTree(CARD_JSON));
    }

    @Test
    void cardOverThirtyKilobytesFailsBeforeAnyRequest() {
        String big = "{\"elements\":[{\"tag\":\"markdown\",\"content\":\"" + "x".repeat(30 * 1024) + "\"}]}";

        Exchange update = template.send("lark:card?messageId=om_card", e -> e.getMessage().setBody(big));
        Exchange delayed = template.send("lark:card?operation=delayUpdate&cardToken=c-token", e -> e.getMessage().setBody(big));
        Exchange ephemeral = template.send("lark:card?operation=sendEphemeral&chatId=oc_1&receiveId=ou_1", e -> e.getMessage().setBody(big));

        for (Exchange result : List.of(update, delayed, ephemeral)) {
            assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("30 KB (30720 bytes)").hasMessageContaining("is 307");
        }
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void cardThatIsNotJsonOrMissingFailsBeforeAnyRequest() {
        Exchange notJson = template.send("lark:card?messageId=om_card", e -> e.getMessage().setBody("{not json"));
        Exchange array = template.send("lark:card?messageId=om_card", e -> e.getMessage().setBody("[1,2]"));
        Exchange missing = template.send("lark:card?messageId=om_card", e -> e.getMessage().setBody(null));
        Exchange noMessageId = template.send("lark:card", e -> e.getMessage().setBody(CARD_JSON));

        assertThat(notJson.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a JSON object");
        assertThat(array.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be the JSON");
        assertThat(missing.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body is empty");
        assertThat(noMessageId.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("messageId")
                .hasMessageContaining(LarkConstants.MESSAGE_ID);
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void updateTakesATemplateCardBuiltWithLarkContentAndRefusesOtherContent() throws Exception {
        lark.stubFor(patch(urlEqualTo("/open-apis/im/v1/messages/om_card")).willReturn(okJson(success("{}"))));

        Exchange template = this.template.send("lark:card?messageId=om_card",
                e -> e.getMessage().setBody(LarkContent.template("AAq1").variable("host", "h1")));
        Exchange text = this.template.send("lark:card?messageId=om_card", e -> e.getMessage().setBody(LarkContent.text("hi")));

        assertThat(template.getException()).isNull();
        String sentContent = new ObjectMapper().readTree(businessRequests().get(0).getBodyAsString()).get("content").asText();
        assertThat(new ObjectMapper().readTree(sentContent).at("/data/template_id").asText()).isEqualTo("AAq1");
        assertThat(text.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a card")
                .hasMessageContaining("text");
        assertThat(businessRequests()).hasSize(1);
    }

    @Test
    void delayUpdatePostsTheCallbackTokenAndTheCardObject() {
        lark.stubFor(post(urlEqualTo("/open-apis/interactive/v1/card/update")).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));

        Exchange result = template.send("lark:card?operation=delayUpdate", e -> {
            e.getMessage().setBody(CARD_JSON);
            e.getMessage().setHeader(LarkConstants.CARD_TOKEN, "c-callback-token");
        });

        assertThat(result.getException()).isNull();
        lark.verify(1, postRequestedFor(urlEqualTo("/open-apis/interactive/v1/card/update"))
                .withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN))
                .withRequestBody(equalToJson("{\"token\":\"c-callback-token\",\"card\":" + CARD_JSON + "}")));
    }

    @Test
    void delayUpdateWithoutTokenFailsBeforeAnyRequest() {
        Exchange result = template.send("lark:card?operation=delayUpdate", e -> e.getMessage().setBody(CARD_JSON));

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cardToken")
                .hasMessageContaining(LarkConstants.CARD_TOKEN);
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void sendEphemeralPostsChatUserAndCardAndSetsTheMessageId() {
        lark.stubFor(post(urlEqualTo("/open-apis/ephemeral/v1/send"))
                .willReturn(okJson(success("{\"message_id\":\"om_ephemeral\"}"))));

        Exchange result = template.send("lark:card?operation=sendEphemeral&chatId=oc_group", e -> {
            e.getMessage().setBody(CARD_JSON);
            e.getMessage().setHeader(LarkConstants.RECEIVE_ID, "ou_viewer");
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LarkConstants.MESSAGE_ID)).isEqualTo("om_ephemeral");
        assertThat(result.getMessage().getBody(Map.class)).containsEntry("message_id", "om_ephemeral");
        lark.verify(1, postRequestedFor(urlEqualTo("/open-apis/ephemeral/v1/send"))
                .withRequestBody(equalToJson("{\"chat_id\":\"oc_group\",\"open_id\":\"ou_viewer\",\"msg_type\":\"interactive\",\"card\":"
                                             + CARD_JSON + "}")));
    }

    @Test
    void sendEphemeralByEmail() {
        lark.stubFor(post(urlEqualTo("/open-apis/ephemeral/v1/send"))
                .willReturn(okJson(success("{\"message_id\":\"om_ephemeral\"}"))));

        Exchange result = template.send("lark:card?operation=sendEphemeral&chatId=oc_group&receiveIdType=email&receiveId=ada@example.com",
                e -> e.getMessage().setBody(CARD_JSON));

        assertThat(result.getException()).isNull();
        lark.verify(postRequestedFor(urlEqualTo("/open-apis/ephemeral/v1/send"))
                .withRequestBody(equalToJson("{\"chat_id\":\"oc_group\",\"email\":\"ada@example.com\",\"msg_type\":\"interactive\",\"card\":"
                                             + CARD_JSON + "}")));
    }

    @Test
    void sendEphemeralGuards() {
        Exchange noChat = template.send("lark:card?operation=sendEphemeral&receiveId=ou_1", e -> e.getMessage().setBody(CARD_JSON));
        Exchange noUser = template.send("lark:card?operation=sendEphemeral&chatId=oc_1", e -> e.getMessage().setBody(CARD_JSON));
        Exchange chatIdType = template.send("lark:card?operation=sendEphemeral&chatId=oc_1&receiveId=oc_2&receiveIdType=chat_id",
                e -> e.getMessage().setBody(CARD_JSON));

        assertThat(noChat.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chatId");
        assertThat(noUser.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receiveId");
        assertThat(chatIdType.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("open_id, user_id or email").hasMessageContaining("'chat_id'");
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void delayUpdateTakesTheWholeRequestAndItsTokenGivesWayToTheHeader() throws Exception {
        lark.stubFor(post(urlEqualTo("/open-apis/interactive/v1/card/update")).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));
        Map<String, Object> card = new ObjectMapper().readValue(CARD_JSON, Map.class);

        Exchange asMap = template.send("lark:card?operation=delayUpdate",
                e -> e.getMessage().setBody(Map.of("token", "c-from-body", "card", card)));
        Exchange asJson = template.send("lark:card?operation=delayUpdate", e -> {
            e.getMessage().setBody("{\"token\":\"c-from-body\",\"card\":" + CARD_JSON + "}");
            e.getMessage().setHeader(LarkConstants.CARD_TOKEN, "c-from-header");
        });

        assertThat(asMap.getException()).isNull();
        assertThat(asJson.getException()).isNull();
        lark.verify(1, postRequestedFor(urlEqualTo("/open-apis/interactive/v1/card/update"))
                .withRequestBody(equalToJson("{\"token\":\"c-from-body\",\"card\":" + CARD_JSON + "}")));
        lark.verify(1, postRequestedFor(urlEqualTo("/open-apis/interactive/v1/card/update"))
                .withRequestBody(equalToJson("{\"token\":\"c-from-header\",\"card\":" + CARD_JSON + "}")));
    }

    @Test
    void sendEphemeralTakesTheWholeRequestAndReceiveIdReplacesItsUser() throws Exception {
        lark.stubFor(post(urlEqualTo("/open-apis/ephemeral/v1/send"))
                .willReturn(okJson(success("{\"message_id\":\"om_ephemeral\"}"))));
        Map<String, Object> card = new ObjectMapper().readValue(CARD_JSON, Map.class);

        Exchange whole = template.send("lark:card?operation=sendEphemeral",
                e -> e.getMessage().setBody(Map.of("chat_id", "oc_group", "open_id", "ou_viewer", "card", card)));
        Exchange overridden = template.send("lark:card?operation=sendEphemeral&receiveIdType=email&receiveId=ada@example.com",
                e -> e.getMessage().setBody(Map.of("chat_id", "oc_group", "open_id", "ou_viewer", "msg_type", "interactive", "card", card)));

        assertThat(whole.getException()).isNull();
        assertThat(whole.getMessage().getHeader(LarkConstants.MESSAGE_ID)).isEqualTo("om_ephemeral");
        assertThat(overridden.getException()).isNull();
        lark.verify(1, postRequestedFor(urlEqualTo("/open-apis/ephemeral/v1/send"))
                .withRequestBody(equalToJson("{\"chat_id\":\"oc_group\",\"open_id\":\"ou_viewer\",\"msg_type\":\"interactive\",\"card\":"
                                             + CARD_JSON + "}")));
        lark.verify(1, postRequestedFor(urlEqualTo("/open-apis/ephemeral/v1/send"))
                .withRequestBody(equalToJson("{\"chat_id\":\"oc_group\",\"email\":\"ada@example.com\",\"msg_type\":\"interactive\","
                                             + "\"card\":" + CARD_JSON + "}")));
    }

    @Test
    void wholeRequestsMissingAFieldOrCarryingAnotherMessageFailBeforeAnyRequest() {
        Map<String, Object> card = Map.of("elements", List.of());

        Exchange noToken = template.send("lark:card?operation=delayUpdate", e -> e.getMessage().setBody(Map.of("card", card)));
        Exchange noUser = template.send("lark:card?operation=sendEphemeral",
                e -> e.getMessage().setBody(Map.of("chat_id", "oc_1", "card", card)));
        Exchange twoUsers = template.send("lark:card?operation=sendEphemeral",
                e -> e.getMessage().setBody(Map.of("chat_id", "oc_1", "open_id", "ou_1", "email", "a@example.com", "card", card)));
        Exchange notACard = template.send("lark:card?operation=sendEphemeral",
                e -> e.getMessage().setBody(Map.of("chat_id", "oc_1", "open_id", "ou_1", "msg_type", "text", "card", card)));
        Exchange tooBig = template.send("lark:card?operation=delayUpdate&cardToken=c-1",
                e -> e.getMessage().setBody(Map.of("card", Map.of("elements", List.of("x".repeat(30 * 1024))))));

        assertThat(noToken.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cardToken").hasMessageContaining(LarkConstants.CARD_TOKEN).hasMessageContaining("'token'");
        assertThat(noUser.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("receiveId").hasMessageContaining("open_id, user_id, email").hasMessageContaining("has none");
        assertThat(twoUsers.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email and open_id");
        assertThat(notACard.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("msg_type must be interactive").hasMessageContaining("'text'");
        assertThat(tooBig.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("30 KB (30720 bytes)");
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void deleteEphemeralPostsTheMessageId() {
        lark.stubFor(post(urlEqualTo("/open-apis/ephemeral/v1/delete")).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));

        Exchange result = template.send("lark:card?operation=deleteEphemeral",
                e -> e.getMessage().setHeader(LarkConstants.MESSAGE_ID, "om_ephemeral"));

        assertThat(result.getException()).isNull();
        lark.verify(1, postRequestedFor(urlEqualTo("/open-apis/ephemeral/v1/delete"))
                .withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN))
                .withRequestBody(equalToJson("{\"message_id\":\"om_ephemeral\"}")));
    }

    @Test
    void larkErrorsFailTheExchange() {
        lark.stubFor(patch(urlEqualTo("/open-apis/im/v1/messages/om_old")).willReturn(larkError(400, 230031, "message too old")));

        Exchange result = template.send("lark:card?messageId=om_old", e -> e.getMessage().setBody(CARD_JSON));

        assertThat(result.getException()).isInstanceOf(io.github.camellark.lark.client.LarkApiException.class)
                .hasMessageContaining("230031");
        assertThat(result.getMessage().getHeader(LarkConstants.LOG_ID)).isEqualTo("log-230031");
    }
}
