package io.github.camellark.lark.producer;

import java.util.List;
import java.util.Map;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.content.LarkContent;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** lark:batchMessage: the legacy batch_send (content as an object) and the batch management calls. */
class BatchMessageHandlerTest extends MessageTestSupport {

    private static final String BATCH_SEND = "/open-apis/message/v4/batch_send/";
    private static final String BATCH = "/open-apis/im/v1/batch_messages/bm-1";

    private void stubBatchSend() {
        lark.stubFor(post(urlPathEqualTo(BATCH_SEND)).willReturn(okJson(success(
                "{\"message_id\":\"bm-1\",\"invalid_open_ids\":[],\"invalid_department_ids\":[]}"))));
    }

    @Test
    void sendTypedContentToUsersAndDepartments() {
        stubBatchSend();

        Exchange out = callOk("lark:batchMessage", Map.of("open_ids", List.of("ou_1", "ou_2"), "department_ids", "od_1, od_2",
                "content", LarkContent.post().title("T").line("x")));

        verifyOne(postRequestedFor(urlEqualTo(BATCH_SEND)).withRequestBody(equalToJson(json(
                "open_ids", List.of("ou_1", "ou_2"), "department_ids", List.of("od_1", "od_2"), "msg_type", "post",
                "content", Map.of("post", Map.of("zh_cn", Map.of("title", "T",
                        "content", List.of(List.of(Map.of("tag", "text", "text", "x")))))))))); 
        assertThat(out.getMessage().getHeader(LarkConstants.BATCH_MESSAGE_ID)).isEqualTo("bm-1");
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("message_id", "bm-1");
    }

    @Test
    void sendCardGoesIntoTheCardField() {
        stubBatchSend();

        callOk("lark:batchMessage?operation=send", Map.of("user_ids", List.of("u1"), "msg_type", "interactive",
                "content", Map.of("elements", List.of())));

        verifyOne(postRequestedFor(urlEqualTo(BATCH_SEND)).withRequestBody(equalToJson(json(
                "user_ids", List.of("u1"), "msg_type", "interactive", "card", Map.of("elements", List.of())))));
    }

    @Test
    void sendJsonRequestWithPlainTextContent() {
        stubBatchSend();

        callOk("lark:batchMessage", "{\"union_ids\":[\"on_1\"],\"content\":\"hello\"}");

        verifyOne(postRequestedFor(urlEqualTo(BATCH_SEND)).withRequestBody(equalToJson(json(
                "union_ids", List.of("on_1"), "content", Map.of("text", "hello"), "msg_type", "text"))));
    }

    @Test
    void sendContentGivenAsJsonTextGoesAsAnObject() {
        stubBatchSend();

        callOk("lark:batchMessage?msgType=image", Map.of("open_ids", List.of("ou_1"), "msg_type", "text",
                "content", "{\"image_key\":\"img_1\"}"));

        verifyOne(postRequestedFor(urlEqualTo(BATCH_SEND)).withRequestBody(equalToJson(json(
                "open_ids", List.of("ou_1"), "msg_type", "image", "content", Map.of("image_key", "img_1")))));
    }

    @Test
    void recall() {
        lark.stubFor(delete(urlPathEqualTo(BATCH)).willReturn(okJson(success("{}"))));

        Exchange out = callOk("lark:batchMessage?operation=recall", null, LarkConstants.BATCH_MESSAGE_ID, "bm-1");

        verifyOne(deleteRequestedFor(urlPathEqualTo(BATCH)));
        assertThat(out.getMessage().getBody(Map.class)).isEmpty();
    }

    @Test
    void readUser() {
        lark.stubFor(get(urlPathEqualTo(BATCH + "/read_user")).willReturn(okJson(success(
                "{\"read_user\":{\"read_count\":\"3\",\"total_count\":\"10\"}}"))));

        Exchange out = callOk("lark:batchMessage?operation=readUser&batchMessageId=bm-1", null);

        verifyOne(getRequestedFor(urlPathEqualTo(BATCH + "/read_user")));
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("read_user", Map.of("read_count", "3", "total_count", "10"));
    }

    @Test
    void progress() {
        lark.stubFor(get(urlPathEqualTo(BATCH + "/get_progress")).willReturn(okJson(success(
                "{\"batch_message_send_progress\":{\"valid_user_ids_count\":10,\"success_user_ids_count\":9,\"read_user_ids_count\":3}}"))));

        Exchange out = callOk("lark:batchMessage?operation=progress&batchMessageId=bm-1", null);

        verifyOne(getRequestedFor(urlPathEqualTo(BATCH + "/get_progress")));
        assertThat(out.getMessage().getBody(Map.class)).containsKey("batch_message_send_progress");
    }
}
