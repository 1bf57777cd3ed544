package io.github.camellark.lark.producer;

import java.nio.charset.StandardCharsets;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.support.LarkTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload followed by a send needs no glue: the upload leaves the key in {@code CamelLarkImageKey} /
 * {@code CamelLarkFileKey} (and the {@code {image_key}} / {@code {file_key}} data as the body), which {@code lark:message}
 * turns into the content of an image or file message.
 */
class UploadThenSendTest extends LarkTestSupport {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 9, 9 };

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chart").to("lark:image").to("lark:message?msgType=image&receiveIdType=chat_id&receiveId=oc_ops");
                from("direct:report").to("lark:file").to("lark:message?msgType=file&receiveIdType=chat_id&receiveId=oc_ops");
            }
        };
    }

    @Test
    void uploadedImageIsSentByItsKey() {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/images")).willReturn(okJson(success("{\"image_key\":\"img_v2_chained\"}"))));
        lark.stubFor(post(urlPathEqualTo("/open-apis/im/v1/messages")).willReturn(okJson(success("{\"message_id\":\"om_sent\"}"))));

        Exchange result = template.send("direct:chart", e -> e.getMessage().setBody(PNG));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LarkConstants.MESSAGE_ID)).isEqualTo("om_sent");
        lark.verify(1, postRequestedFor(urlPathEqualTo("/open-apis/im/v1/messages"))
                .withQueryParam("receive_id_type", equalTo("chat_id"))
                .withRequestBody(matchingJsonPath("$.receive_id", equalTo("oc_ops")))
                .withRequestBody(matchingJsonPath("$.msg_type", equalTo("image")))
                .withRequestBody(matchingJsonPath("$.content", equalToJson("{\"image_key\":\"img_v2_chained\"}"))));
    }

    @Test
    void uploadedFileIsSentByItsKey() {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/files")).willReturn(okJson(success("{\"file_key\":\"file_v3_chained\"}"))));
        lark.stubFor(post(urlPathEqualTo("/open-apis/im/v1/messages")).willReturn(okJson(success("{\"message_id\":\"om_sent\"}"))));

        Exchange result = template.send("direct:report", e -> {
            e.getMessage().setBody("weekly numbers".getBytes(StandardCharsets.UTF_8));
            e.getMessage().setHeader(LarkConstants.FILE_NAME, "weekly.pdf");
        });

        assertThat(result.getException()).isNull();
        lark.verify(1, postRequestedFor(urlPathEqualTo("/open-apis/im/v1/messages"))
                .withRequestBody(matchingJsonPath("$.msg_type", equalTo("file")))
                .withRequestBody(matchingJsonPath("$.content", equalToJson("{\"file_key\":\"file_v3_chained\"}"))));
    }
}
