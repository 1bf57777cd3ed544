package io.github.camellark.lark.producer;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.content.LarkContent;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Every lark:message operation: method, path, query, token, the exact JSON Lark receives, and the result. */
class MessageHandlerTest extends MessageTestSupport {

    private static final String MESSAGES = "/open-apis/im/v1/messages";
    private static final String MESSAGE_OM_1 = MESSAGES + "/om_1";
    /** The uuid this component derives: "cl-" and a url-safe SHA-256, 46 characters (Lark allows 50). */
    private static final String DERIVED_UUID = "cl-[A-Za-z0-9_-]{43}";

    private static String message(String id) {
        return success("{\"message_id\":\"" + id + "\",\"chat_id\":\"oc_1\",\"msg_type\":\"text\"}");
    }

    @Test
    void sendTextToAChat() {
        lark.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson(message("om_new")).withHeader("X-Tt-Logid", "log-send")));

        Exchange out = callOk("lark:message?receiveId=oc_1", "hi");

        verifyOne(postRequestedFor(urlPathEqualTo(MESSAGES))
                .withQueryParam("receive_id_type", equalTo("chat_id"))
                .withRequestBody(equalToJson(json("receive_id", "oc_1", "msg_type", "text", "content", "{\"text\":\"hi\"}",
                        "uuid", ANY_STRING)))
                .withRequestBody(matching(".*\"uuid\":\"" + DERIVED_UUID + "\".*")));
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("message_id", "om_new").containsEntry("chat_id", "oc_1");
        assertThat(out.getMessage().getHeader(LarkConstants.MESSAGE_ID)).isEqualTo("om_new");
        assertThat(out.getMessage().getHeader(LarkConstants.LOG_ID)).isEqualTo("log-send");
    }

    @ParameterizedTest
    @CsvSource({ "ou_1, open_id", "on_1, union_id", "tom@example.com, email", "oc_9, chat_id" })
    void sendInfersTheReceiveIdTypeFromTheId(String receiveId, String expectedType) {
        lark.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson(message("om_2"))));

        callOk("lark:message", "hi", LarkConstants.RECEIVE_ID, receiveId);

        verifyOne(postRequestedFor(urlPathEqualTo(MESSAGES)).withQueryParam("receive_id_type", equalTo(expectedType))
                .withRequestBody(equalToJson(json("receive_id", receiveId, "msg_type", "text", "content", "{\"text\":\"hi\"}",
                        "uuid", ANY_STRING))));
    }

    @Test
    void headersWinOverOptionsAndAGivenUuidIsUsed() {
        lark.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson(message("om_3"))));

        callOk("lark:message?receiveId=oc_1&receiveIdType=chat_id", "hi", LarkConstants.RECEIVE_ID, "4d7a3c6g",
                LarkConstants.RECEIVE_ID_TYPE, "user_id", LarkConstants.UUID, "my-uuid-1");

        verifyOne(postRequestedFor(urlPathEqualTo(MESSAGES)).withQueryParam("receive_id_type", equalTo("user_id"))
                .withRequestBody(equalToJson(json("receive_id", "4d7a3c6g", "msg_type", "text", "content", "{\"text\":\"hi\"}",
                        "uuid", "my-uuid-1"))));
    }

    @Test
    void sendTypedContentCarriesItsOwnMsgType() {
        lark.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson(message("om_4"))));

        callOk("lark:message?receiveId=oc_1&msgType=text", LarkContent.template("AAq1").variable("host", "h1"));

        verifyOne(postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(equalToJson(json("receive_id", "oc_1",
                "msg_type", "interactive",
                "content", "{\"type\":\"template\",\"data\":{\"template_id\":\"AAq1\",\"template_variable\":{\"host\":\"h1\"}}}",
                "uuid", ANY_STRING))));
    }

    @Test
    void sendMapIsTheContentOfTheGivenMsgType() {
        lark.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson(message("om_5"))));

        callOk("lark:message?receiveId=oc_1&msgType=interactive", Map.of("elements", List.of(Map.of("tag", "hr"))));

        verifyOne(postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(equalToJson(json("receive_id", "oc_1",
                "msg_type", "interactive", "content", "{\"elements\":[{\"tag\":\"hr\"}]}", "uuid", ANY_STRING))));
    }

    @Test
    void sendJacksonNodeWithoutMsgTypeIsTextWhenItHoldsText() throws Exception {
        lark.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson(message("om_5"))));

        callOk("lark:message?receiveId=oc_1", MAPPER.readTree("{\"text\":\"from json\"}"));

        verifyOne(postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(equalToJson(json("receive_id", "oc_1",
                "msg_type", "text", "content", "{\"text\":\"from json\"}", "uuid", ANY_STRING))));
    }

    @Test
    void sendStringWithAnotherMsgTypeIsJsonContentPassedThrough() {
        lark.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson(message("om_6"))));
        String post = "{\"en_us\": {\"title\": \"T\", \"content\": [[{\"tag\": \"text\", \"text\": \"x\"}]]}}";

        callOk("lark:message?receiveId=oc_1", post, LarkConstants.MSG_TYPE, "post");

        verifyOne(postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(equalToJson(json("receive_id", "oc_1",
                "msg_type", "post", "content", post, "uuid", ANY_STRING))));
    }

    @Test
    void sendWholeRequestMapWithOptionsWinning() {
        lark.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson(message("om_7"))));
        Map<String, Object> request = Map.of("receive_id", "oc_body", "msg_type", "text", "content", "{\"text\":\"whole\"}",
                "uuid", "body-uuid");

        callOk("lark:message?receiveId=oc_option", request);

        verifyOne(postRequestedFor(urlPathEqualTo(MESSAGES)).withQueryParam("receive_id_type", equalTo("chat_id"))
                .withRequestBody(equalToJson(json("receive_id", "oc_option", "msg_type", "text", "content", "{\"text\":\"whole\"}",
                        "uuid", "body-uuid"))));
    }

    @Test
    void replyInThread() {
        lark.stubFor(post(urlPathEqualTo(MESSAGE_OM_1 + "/reply")).willReturn(okJson(message("om_reply"))));

        Exchange out = callOk("lark:message?operation=reply&replyInThread=true", LarkContent.text("ack").mention("ou_1", "Tom"),
                LarkConstants.MESSAGE_ID, "om_1");

        verifyOne(postRequestedFor(urlPathEqualTo(MESSAGE_OM_1 + "/reply")).withRequestBody(equalToJson(json(
                "msg_type", "text", "content", "{\"text\":\"ack <at user_id=\\\"ou_1\\\">Tom</at>\"}", "reply_in_thread", true,
                "uuid", ANY_STRING))));
        assertThat(out.getMessage().getHeader(LarkConstants.MESSAGE_ID)).isEqualTo("om_reply");
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("message_id", "om_reply");
    }

    @Test
    void editText() {
        lark.stubFor(put(urlPathEqualTo(MESSAGE_OM_1)).willReturn(okJson(success("{\"message_id\":\"om_1\",\"updated\":true}"))));

        Exchange out = callOk("lark:message?operation=edit&messageId=om_1", "fixed");

        verifyOne(putRequestedFor(urlPathEqualTo(MESSAGE_OM_1))
                .withRequestBody(equalToJson(json("msg_type", "text", "content", "{\"text\":\"fixed\"}"))));
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("updated", true);
    }

    @Test
    void recall() {
        lark.stubFor(delete(urlPathEqualTo(MESSAGE_OM_1)).willReturn(okJson(success("{}"))));

        Exchange out = callOk("lark:message?operation=recall", null, LarkConstants.MESSAGE_ID, "om_1");

        verifyOne(deleteRequestedFor(urlPathEqualTo(MESSAGE_OM_1)));
        assertThat(out.getMessage().getBody(Map.class)).isEmpty();
    }

    @Test
    void forward() {
        lark.stubFor(post(urlPathEqualTo(MESSAGE_OM_1 + "/forward")).willReturn(okJson(message("om_fwd"))));

        Exchange out = callOk("lark:message?operation=forward&messageId=om_1&receiveId=ou_2", null);

        verifyOne(postRequestedFor(urlPathEqualTo(MESSAGE_OM_1 + "/forward"))
                .withQueryParam("receive_id_type", equalTo("open_id"))
                .withQueryParam("uuid", matching(DERIVED_UUID))
                .withRequestBody(equalToJson(json("receive_id", "ou_2"))));
        assertThat(out.getMessage().getHeader(LarkConstants.MESSAGE_ID)).isEqualTo("om_fwd");
    }

    @Test
    void forwardTakesTheTargetFromAMapBodyWhenNoOptionGivesIt() {
        lark.stubFor(post(urlPathEqualTo(MESSAGE_OM_1 + "/forward")).willReturn(okJson(message("om_fwd"))));

        callOk("lark:message?operation=forward&messageId=om_1", Map.of("receive_id", "x1", "receive_id_type", "user_id"));

        verifyOne(postRequestedFor(urlPathEqualTo(MESSAGE_OM_1 + "/forward"))
                .withQueryParam("receive_id_type", equalTo("user_id")).withRequestBody(equalToJson(json("receive_id", "x1"))));
    }

    @Test
    void mergeForwardAListOfMessages() {
        lark.stubFor(post(urlPathEqualTo(MESSAGES + "/merge_forward")).willReturn(okJson(success(
                "{\"message\":{\"message_id\":\"om_merged\",\"msg_type\":\"merge_forward\"},\"invalid_message_id_list\":[]}"))));

        Exchange out = callOk("lark:message?operation=mergeForward&receiveId=oc_2", List.of("om_1", "om_2"));

        verifyOne(postRequestedFor(urlPathEqualTo(MESSAGES + "/merge_forward"))
                .withQueryParam("receive_id_type", equalTo("chat_id"))
                .withQueryParam("uuid", matching(DERIVED_UUID))
                .withRequestBody(equalToJson(json("message_id_list", List.of("om_1", "om_2"), "receive_id", "oc_2"))));
        assertThat(out.getMessage().getHeader(LarkConstants.MESSAGE_ID)).isEqualTo("om_merged");
        assertThat(out.getMessage().getBody(Map.class)).containsKey("invalid_message_id_list");
    }

    @Test
    void forwardThreadIntoAnotherThread() {
        lark.stubFor(post(urlPathEqualTo("/open-apis/im/v1/threads/omt_1/forward")).willReturn(okJson(message("om_t"))));

        Exchange out = callOk("lark:message?operation=forwardThread", null, LarkConstants.THREAD_ID, "omt_1",
                LarkConstants.RECEIVE_ID, "omt_2");

        verifyOne(postRequestedFor(urlPathEqualTo("/open-apis/im/v1/threads/omt_1/forward"))
                .withQueryParam("receive_id_type", equalTo("thread_id"))
                .withQueryParam("uuid", matching(DERIVED_UUID))
                .withRequestBody(equalToJson(json("receive_id", "omt_2"))));
        assertThat(out.getMessage().getHeader(LarkConstants.MESSAGE_ID)).isEqualTo("om_t");
    }

    @Test
    void readUsersOnePage() {
        lark.stubFor(get(urlPathEqualTo(MESSAGE_OM_1 + "/read_users")).willReturn(okJson(success(
                "{\"items\":[{\"user_id\":\"ou_1\",\"user_id_type\":\"open_id\",\"timestamp\":\"1700000000000\"}],"
                + "\"has_more\":true,\"page_token\":\"p2\"}"))));

        Exchange out = callOk("lark:message?operation=readUsers&messageId=om_1&pageSize=50", null);

        verifyOne(getRequestedFor(urlPathEqualTo(MESSAGE_OM_1 + "/read_users"))
                .withQueryParam("user_id_type", equalTo("open_id")).withQueryParam("page_size", equalTo("50")));
        assertThat(out.getMessage().getBody(List.class)).hasSize(1);
        assertThat(out.getMessage().getHeader(LarkConstants.HAS_MORE)).isEqualTo(true);
        assertThat(out.getMessage().getHeader(LarkConstants.PAGE_TOKEN)).isEqualTo("p2");
    }

    @Test
    void listHistoryOfAChat() {
        lark.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(okJson(success(
                "{\"items\":[{\"message_id\":\"om_1\"},{\"message_id\":\"om_2\"}],\"has_more\":false}"))));

        Exchange out = callOk("lark:message?operation=list&startTime=1700000000&endTime=1700003600&sortType=ByCreateTimeDesc&pageSize=20",
                null, LarkConstants.CONTAINER_ID, "oc_1", LarkConstants.PAGE_TOKEN, "p1");

        verifyOne(getRequestedFor(urlPathEqualTo(MESSAGES))
                .withQueryParam("container_id_type", equalTo("chat")).withQueryParam("container_id", equalTo("oc_1"))
                .withQueryParam("start_time", equalTo("1700000000")).withQueryParam("end_time", equalTo("1700003600"))
                .withQueryParam("sort_type", equalTo("ByCreateTimeDesc")).withQueryParam("page_size", equalTo("20"))
                .withQueryParam("page_token", equalTo("p1")));
        assertThat(out.getMessage().getBody(List.class)).extracting(m -> ((Map<?, ?>) m).get("message_id"))
                .containsExactly("om_1", "om_2");
        assertThat(out.getMessage().getHeader(LarkConstants.HAS_MORE)).isEqualTo(false);
        assertThat(out.getMessage().getHeader(LarkConstants.PAGE_TOKEN)).as("no next page").isNull();
    }

    @Test
    void listOfAThreadOrOfTheEventsChat() {
        lark.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(okJson(success("{\"items\":[],\"has_more\":false}"))));

        callOk("lark:message?operation=list&containerId=omt_1", null);
        callOk("lark:message?operation=list", null, LarkConstants.CHAT_ID, "oc_7");

        verifyOne(getRequestedFor(urlPathEqualTo(MESSAGES)).withQueryParam("container_id_type", equalTo("thread"))
                .withQueryParam("container_id", equalTo("omt_1")));
        verifyOne(getRequestedFor(urlPathEqualTo(MESSAGES)).withQueryParam("container_id_type", equalTo("chat"))
                .withQueryParam("container_id", equalTo("oc_7")));
    }

    @Test
    void getOne() {
        lark.stubFor(get(urlPathEqualTo(MESSAGE_OM_1)).willReturn(okJson(success("{\"items\":[{\"message_id\":\"om_1\"}]}"))));

        Exchange out = callOk("lark:message?operation=get&messageId=om_1&userIdType=union_id", null);

        verifyOne(getRequestedFor(urlPathEqualTo(MESSAGE_OM_1)).withQueryParam("user_id_type", equalTo("union_id")));
        assertThat(out.getMessage().getBody(Map.class)).containsKey("items");
    }

    @Test
    void getResourceStreamsTheFileWithNameAndType() throws Exception {
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };
        lark.stubFor(get(urlPathEqualTo(MESSAGE_OM_1 + "/resources/img_v2_1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png")
                .withHeader("Content-Disposition", "attachment; filename=\"x.png\"; filename*=UTF-8''%E5%9B%BE.png")
                .withBody(png)));

        Exchange out = callOk("lark:message?operation=getResource&messageId=om_1&fileKey=img_v2_1", null);

        verifyOne(getRequestedFor(urlPathEqualTo(MESSAGE_OM_1 + "/resources/img_v2_1")).withQueryParam("type", equalTo("image")));
        Object body = out.getMessage().getBody();
        assertThat(body).isInstanceOf(InputStream.class);
        try (InputStream stream = (InputStream) body) {
            assertThat(stream.readAllBytes()).isEqualTo(png);
        }
        assertThat(out.getMessage().getHeader(LarkConstants.FILE_NAME)).isEqualTo("图.png");
        assertThat(out.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
    }

    @Test
    void getResourceOfAFileKeyAsksForTypeFileUnlessTold() throws Exception {
        lark.stubFor(get(urlPathEqualTo(MESSAGE_OM_1 + "/resources/file_1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream").withBody("data".getBytes(StandardCharsets.UTF_8))));

        Exchange out = callOk("lark:message?operation=getResource&messageId=om_1&fileKey=file_1", null);
        ((InputStream) out.getMessage().getBody()).close();
        callOk("lark:message?operation=getResource&messageId=om_1&fileKey=file_1&resourceType=image", null)
                .getMessage().getBody(InputStream.class).close();

        verifyOne(getRequestedFor(urlPathEqualTo(MESSAGE_OM_1 + "/resources/file_1")).withQueryParam("type", equalTo("file")));
        verifyOne(getRequestedFor(urlPathEqualTo(MESSAGE_OM_1 + "/resources/file_1")).withQueryParam("type", equalTo("image")));
        assertThat(out.getMessage().getHeader(LarkConstants.FILE_NAME)).isNull();
    }

    @Test
    void pushFollowUpsFromAList() {
        lark.stubFor(post(urlPathEqualTo(MESSAGE_OM_1 + "/push_follow_up")).willReturn(okJson(success("{}"))));
        Map<String, Object> localized = Map.of("content", "More", "i18n_contents", List.of(Map.of("content", "更多", "language", "zh_cn")));

        Exchange out = callOk("lark:message?operation=pushFollowUp&messageId=om_1", List.of("Yes", localized));

        verifyOne(postRequestedFor(urlPathEqualTo(MESSAGE_OM_1 + "/push_follow_up")).withRequestBody(equalToJson(json(
                "follow_ups", List.of(Map.of("content", "Yes"), localized)))));
        assertThat(out.getMessage().getBody(Map.class)).isEmpty();
    }

    @Test
    void pushFollowUpsFromAWholeRequest() {
        lark.stubFor(post(urlPathEqualTo(MESSAGE_OM_1 + "/push_follow_up")).willReturn(okJson(success("{}"))));

        callOk("lark:message?operation=pushFollowUp&messageId=om_1", "{\"follow_ups\":[{\"content\":\"A\"}]}");

        verifyOne(postRequestedFor(urlPathEqualTo(MESSAGE_OM_1 + "/push_follow_up"))
                .withRequestBody(equalToJson("{\"follow_ups\":[{\"content\":\"A\"}]}")));
    }
}
