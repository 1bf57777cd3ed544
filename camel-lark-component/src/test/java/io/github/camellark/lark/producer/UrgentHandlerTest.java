package io.github.camellark.lark.producer;

import java.util.List;
import java.util.Map;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.support.LarkTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class UrgentHandlerTest extends LarkTestSupport {

    @ParameterizedTest
    @CsvSource({ "app,urgent_app", "sms,urgent_sms", "phone,urgent_phone" })
    void buzzesTheUsersOfAListBodyAndReportsTheInvalidOnes(String operation, String path) {
        String url = "/open-apis/im/v1/messages/om_1/" + path + "?user_id_type=open_id";
        lark.stubFor(patch(urlEqualTo(url)).willReturn(okJson(success("{\"invalid_user_id_list\":[\"ou_gone\"]}"))));

        Exchange result = template.send("lark:urgent?operation=" + operation + "&messageId=om_1",
                e -> e.getMessage().setBody(List.of("ou_a", "ou_gone")));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(Map.class)).containsEntry("invalid_user_id_list", List.of("ou_gone"));
        lark.verify(1, patchRequestedFor(urlEqualTo(url))
                .withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN))
                .withRequestBody(equalToJson("{\"user_id_list\":[\"ou_a\",\"ou_gone\"]}")));
    }

    @Test
    void usersFromTheHeaderWinOverTheBodyAndUserIdTypeIsPassed() {
        String url = "/open-apis/im/v1/messages/om_1/urgent_app?user_id_type=user_id";
        lark.stubFor(patch(urlEqualTo(url)).willReturn(okJson(success("{}"))));

        Exchange result = template.send("lark:urgent?messageId=om_1&userIdType=user_id", e -> {
            e.getMessage().setBody(List.of("ignored"));
            e.getMessage().setHeader(LarkConstants.USER_ID_LIST, List.of("u1", "u2"));
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(Map.class)).containsEntry("invalid_user_id_list", List.of());
        lark.verify(patchRequestedFor(urlEqualTo(url)).withRequestBody(equalToJson("{\"user_id_list\":[\"u1\",\"u2\"]}")));
    }

    @Test
    void usersFromACommaSeparatedOptionOrHeaderOrAMapBody() {
        String url = "/open-apis/im/v1/messages/om_1/urgent_app?user_id_type=open_id";
        lark.stubFor(patch(urlEqualTo(url)).willReturn(okJson(success("{}"))));

        template.send("lark:urgent?messageId=om_1&userIdList=ou_1, ou_2", e -> {
        });
        template.send("lark:urgent?messageId=om_1", e -> e.getMessage().setHeader(LarkConstants.USER_ID_LIST, "ou_3,ou_4"));
        template.send("lark:urgent?messageId=om_1", e -> e.getMessage().setBody(Map.of("user_id_list", List.of("ou_5"))));

        lark.verify(patchRequestedFor(urlEqualTo(url)).withRequestBody(equalToJson("{\"user_id_list\":[\"ou_1\",\"ou_2\"]}")));
        lark.verify(patchRequestedFor(urlEqualTo(url)).withRequestBody(equalToJson("{\"user_id_list\":[\"ou_3\",\"ou_4\"]}")));
        lark.verify(patchRequestedFor(urlEqualTo(url)).withRequestBody(equalToJson("{\"user_id_list\":[\"ou_5\"]}")));
    }

    @Test
    void noUsersOrNoMessageFailsBeforeAnyRequest() {
        Exchange noUsers = template.send("lark:urgent?messageId=om_1", e -> e.getMessage().setBody(List.of()));
        Exchange blank = template.send("lark:urgent?messageId=om_1", e -> e.getMessage().setHeader(LarkConstants.USER_ID_LIST, " , "));
        Exchange noMessage = template.send("lark:urgent", e -> e.getMessage().setBody(List.of("ou_1")));

        assertThat(noUsers.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user_id_list takes at least 1 id, got 0");
        assertThat(blank.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user_id_list takes at least 1 id, got 0");
        assertThat(noMessage.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("messageId");
        assertThat(businessRequests()).isEmpty();
    }
}
