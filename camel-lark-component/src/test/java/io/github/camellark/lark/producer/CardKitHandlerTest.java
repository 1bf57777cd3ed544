package io.github.camellark.lark.producer;

import java.util.List;
import java.util.Map;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.content.LarkContent;
import io.github.camellark.lark.support.LarkTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The request each {@code lark:cardkit} operation sends: method, path and body, with JSON travelling as strings. */
class CardKitHandlerTest extends LarkTestSupport {

    private static final String CARDS = "/open-apis/cardkit/v1/cards";
    private static final String CARD = CARDS + "/7355372766134157313";
    private static final Map<String, Object> CARD_JSON = Map.of("schema", "2.0",
            "body", Map.of("elements", List.of(Map.of("tag", "markdown", "element_id", "answer", "content", "Hi"))));

    private void lark() {
        lark.stubFor(post(urlEqualTo(CARDS)).willReturn(okJson(success("{\"card_id\":\"7355372766134157313\"}"))));
        lark.stubFor(any(anyUrl()).atPriority(10).willReturn(okJson(success("{}"))));
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(LarkConstants.CARD_ID, "7355372766134157313");
            e.getMessage().setHeader(LarkConstants.CARD_SEQUENCE, 7);
            headers.forEach(e.getMessage()::setHeader);
        });
    }

    @Test
    void createPostsTheCardJsonAsAStringAndLeavesTheCardIdAndTheFirstSequence() {
        lark();

        Exchange result = template.send("lark:cardkit", e -> e.getMessage().setBody(CARD_JSON));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LarkConstants.CARD_ID)).isEqualTo("7355372766134157313");
        assertThat(result.getMessage().getHeader(LarkConstants.CARD_SEQUENCE)).isEqualTo(1);
        lark.verify(postRequestedFor(urlEqualTo(CARDS))
                .withRequestBody(matchingJsonPath("$.type", equalTo("card_json")))
                .withRequestBody(matchingJsonPath("$.data", containing("\"schema\":\"2.0\""))));
    }

    @Test
    void createTakesATemplate() {
        lark();

        Exchange result = template.send("lark:cardkit?operation=create",
                e -> e.getMessage().setBody(LarkContent.template("AAqk").version("1.0.0")));

        assertThat(result.getException()).isNull();
        lark.verify(postRequestedFor(urlEqualTo(CARDS)).withRequestBody(equalToJson(
                "{\"type\":\"template\",\"data\":\"{\\\"template_id\\\":\\\"AAqk\\\",\\\"template_version_name\\\":\\\"1.0.0\\\"}\"}")));
    }

    @Test
    void updateReplacesTheWholeCard() {
        lark();

        Exchange result = send("lark:cardkit?operation=update", CARD_JSON, Map.of());

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LarkConstants.CARD_SEQUENCE)).isEqualTo(8);
        lark.verify(putRequestedFor(urlEqualTo(CARD))
                .withRequestBody(matchingJsonPath("$.card.type", equalTo("card_json")))
                .withRequestBody(matchingJsonPath("$.card.data", containing("\"element_id\":\"answer\"")))
                .withRequestBody(matchingJsonPath("$.sequence", equalTo("7")))
                .withRequestBody(matchingJsonPath("$.uuid")));
    }

    @Test
    void settingsPatchesTheConfigAsAString() {
        lark();

        Exchange result = send("lark:cardkit?operation=settings", "{\"config\":{\"streaming_mode\":false}}", Map.of());

        assertThat(result.getException()).isNull();
        lark.verify(patchRequestedFor(urlEqualTo(CARD + "/settings")).withRequestBody(equalToJson(
                "{\"settings\":\"{\\\"config\\\":{\\\"streaming_mode\\\":false}}\",\"sequence\":7,\"uuid\":\"${json-unit.any-string}\"}")));
    }

    @Test
    void batchUpdatePostsTheActionsAsAString() {
        lark();
        List<Map<String, Object>> actions = List.of(Map.of("action", "delete_elements",
                "params", Map.of("element_ids", List.of("old"))));

        Exchange result = send("lark:cardkit?operation=batchUpdate", actions, Map.of());

        assertThat(result.getException()).isNull();
        lark.verify(postRequestedFor(urlEqualTo(CARD + "/batch_update"))
                .withRequestBody(matchingJsonPath("$.actions", containing("\"element_ids\":[\"old\"]")))
                .withRequestBody(matchingJsonPath("$.sequence", equalTo("7"))));
    }

    @Test
    void addElementAppendsAnElementOrFollowsAWholeRequest() {
        lark();
        Map<String, Object> button = Map.of("tag", "button", "element_id", "yes");

        Exchange appended = send("lark:cardkit?operation=addElement", button, Map.of());
        Exchange inserted = send("lark:cardkit?operation=addElement",
                Map.of("type", "insert_after", "target_element_id", "answer", "elements", List.of(button)), Map.of());

        assertThat(appended.getException()).isNull();
        assertThat(inserted.getException()).isNull();
        lark.verify(postRequestedFor(urlEqualTo(CARD + "/elements"))
                .withRequestBody(matchingJsonPath("$.type", equalTo("append")))
                .withRequestBody(matchingJsonPath("$.elements", containing("\"element_id\":\"yes\""))));
        lark.verify(postRequestedFor(urlEqualTo(CARD + "/elements")).withRequestBody(equalToJson(
                "{\"type\":\"insert_after\",\"target_element_id\":\"answer\",\"elements\":\"${json-unit.any-string}\","
                + "\"sequence\":7,\"uuid\":\"${json-unit.any-string}\"}")));
    }

    @Test
    void updatePatchAndDeleteAddressTheElement() {
        lark();
        Map<String, Object> headers = Map.of(LarkConstants.ELEMENT_ID, "answer");

        assertThat(send("lark:cardkit?operation=updateElement", Map.of("tag", "markdown", "content", "new"), headers)
                .getException()).isNull();
        assertThat(send("lark:cardkit?operation=patchElement", Map.of("content", "patched"), headers).getException()).isNull();
        assertThat(send("lark:cardkit?operation=deleteElement", null, headers).getException()).isNull();

        lark.verify(putRequestedFor(urlEqualTo(CARD + "/elements/answer"))
                .withRequestBody(matchingJsonPath("$.element", containing("\"content\":\"new\"")))
                .withRequestBody(matchingJsonPath("$.sequence", equalTo("7"))));
        lark.verify(patchRequestedFor(urlEqualTo(CARD + "/elements/answer")).withRequestBody(equalToJson(
                "{\"partial_element\":\"{\\\"content\\\":\\\"patched\\\"}\",\"sequence\":7,\"uuid\":\"${json-unit.any-string}\"}")));
        lark.verify(deleteRequestedFor(urlEqualTo(CARD + "/elements/answer")).withRequestBody(equalToJson(
                "{\"sequence\":7,\"uuid\":\"${json-unit.any-string}\"}")));
    }

    @Test
    void updateTextPutsTheFullTextOfTheElement() {
        lark();

        Exchange result = send("lark:cardkit?operation=updateText&elementId=answer", "Hello, wor", Map.of());

        assertThat(result.getException()).isNull();
        lark.verify(putRequestedFor(urlEqualTo(CARD + "/elements/answer/content")).withRequestBody(equalToJson(
                "{\"content\":\"Hello, wor\",\"sequence\":7,\"uuid\":\"${json-unit.any-string}\"}")));
    }

    @Test
    void badInputFailsBeforeAnyRequestNamingWhatIsMissing() {
        Exchange oldSchema = template.send("lark:cardkit", e -> e.getMessage().setBody(Map.of("elements", List.of())));
        Exchange noSequence = template.send("lark:cardkit?operation=updateText&elementId=answer&cardId=7355",
                e -> e.getMessage().setBody("text"));
        Exchange noElement = send("lark:cardkit?operation=deleteElement", null, Map.of());
        Exchange noActions = send("lark:cardkit?operation=batchUpdate", List.of(), Map.of());

        assertThat(oldSchema.getException()).hasMessageContaining("Card JSON 2.0");
        assertThat(noSequence.getException()).hasMessageContaining("sequence").hasMessageContaining("CamelLarkCardSequence");
        assertThat(noElement.getException()).hasMessageContaining("elementId").hasMessageContaining("CamelLarkElementId");
        assertThat(noActions.getException()).hasMessageContaining("non-empty list of actions");
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void theContentOfAMessageShowingACardEntity() {
        LarkContent content = LarkContent.cardEntity("7355372766134157313");

        assertThat(content.msgType()).isEqualTo("interactive");
        assertThat(content.content()).isEqualTo(Map.of("type", "card", "data", Map.of("card_id", "7355372766134157313")));
    }
}
