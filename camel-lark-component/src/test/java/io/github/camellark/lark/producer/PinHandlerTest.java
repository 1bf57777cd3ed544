package io.github.camellark.lark.producer;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.support.LarkTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class PinHandlerTest extends LarkTestSupport {

    private static final String PIN = "{\"pin\":{\"message_id\":\"om_1\",\"chat_id\":\"oc_1\",\"operator_id\":\"cli_test_app\","
                                      + "\"operator_id_type\":\"app_id\",\"create_time\":\"1700000000000\"}}";

    @Test
    void createPinsTheMessage() {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/pins")).willReturn(okJson(success(PIN))));

        Exchange result = template.send("lark:pin", e -> e.getMessage().setHeader(LarkConstants.MESSAGE_ID, "om_1"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(Map.class)).containsKey("pin");
        lark.verify(1, postRequestedFor(urlEqualTo("/open-apis/im/v1/pins"))
                .withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN))
                .withRequestBody(equalToJson("{\"message_id\":\"om_1\"}")));
    }

    @Test
    void createIsRetriedOnServerErrorsBecausePinningTwiceIsHarmless() {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/pins")).inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(serverError()).willSetStateTo("recovered"));
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/pins")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(success(PIN))));

        Exchange result = template.send("lark:pin?messageId=om_1", e -> {
        });

        assertThat(result.getException()).isNull();
        assertThat(businessRequests()).hasSize(2);
    }

    @Test
    void createWithoutMessageIdFailsBeforeAnyRequest() {
        Exchange result = template.send("lark:pin", e -> {
        });

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("messageId");
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void deleteUnpinsTheMessage() {
        lark.stubFor(delete(urlEqualTo("/open-apis/im/v1/pins/om_1")).willReturn(okJson(success("{}"))));

        Exchange result = template.send("lark:pin?operation=delete&messageId=om_1", e -> {
        });

        assertThat(result.getException()).isNull();
        lark.verify(1, deleteRequestedFor(urlEqualTo("/open-apis/im/v1/pins/om_1"))
                .withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN)));
    }

    @Test
    void listGivesOnePageOfTheChatsPinsInTheTimeRange() {
        String url = "/open-apis/im/v1/pins?chat_id=oc_1&start_time=1700000000000&end_time=1700003600000&page_size=20";
        lark.stubFor(get(urlEqualTo(url)).willReturn(okJson(success("{\"items\":[" + PIN.substring(7, PIN.length() - 1)
                                                                    + "],\"has_more\":false}"))));

        Exchange result = template.send("lark:pin?operation=list&chatId=oc_1&pageSize=20", e -> {
            e.getMessage().setHeader(LarkConstants.START_TIME, "1700000000000");
            e.getMessage().setHeader(LarkConstants.END_TIME, 1700003600000L);
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(List.class)).hasSize(1);
        assertThat(result.getMessage().getHeader(LarkConstants.HAS_MORE)).isEqualTo(false);
        assertThat(result.getMessage().getHeader(LarkConstants.PAGE_TOKEN)).isNull();
        lark.verify(1, getRequestedFor(urlEqualTo(url)).withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN)));
    }

    @Test
    void listWithAutoPaginateIteratesEveryPage() {
        lark.stubFor(get(urlEqualTo("/open-apis/im/v1/pins?chat_id=oc_1"))
                .willReturn(okJson(success("{\"items\":[{\"message_id\":\"om_1\"}],\"has_more\":true,\"page_token\":\"next\"}"))));
        lark.stubFor(get(urlEqualTo("/open-apis/im/v1/pins?chat_id=oc_1&page_token=next"))
                .willReturn(okJson(success("{\"items\":[{\"message_id\":\"om_2\"}],\"has_more\":false}"))));

        Exchange result = template.send("lark:pin?operation=list&chatId=oc_1&autoPaginate=true", e -> {
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(Iterator.class)).toIterable()
                .map(item -> (Object) ((Map<?, ?>) item).get("message_id")).containsExactly("om_1", "om_2");
    }

    @Test
    void listWithoutChatIdFailsBeforeAnyRequest() {
        Exchange result = template.send("lark:pin?operation=list", e -> {
        });

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chatId")
                .hasMessageContaining(LarkConstants.CHAT_ID);
        assertThat(businessRequests()).isEmpty();
    }
}
