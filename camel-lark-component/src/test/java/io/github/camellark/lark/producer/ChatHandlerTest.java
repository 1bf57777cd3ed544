package io.github.camellark.lark.producer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.support.LarkTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class ChatHandlerTest extends LarkTestSupport {

    private static Map<String, Object> alertRoom() {
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("name", "alert-room");
        chat.put("description", "CPU alerts");
        chat.put("owner_id", "ou_owner");
        chat.put("user_id_list", List.of("ou_a", "ou_b"));
        chat.put("bot_id_list", List.of("cli_other"));
        chat.put("chat_mode", "group");
        chat.put("chat_type", "private");
        chat.put("set_bot_manager", true);
        return chat;
    }

    @Test
    void createPostsTheChatWithQueryFlagsAndAUuidAndSetsTheChatId() {
        lark.stubFor(post(urlPathEqualTo("/open-apis/im/v1/chats"))
                .willReturn(okJson(success("{\"chat_id\":\"oc_new\",\"name\":\"alert-room\"}"))));

        Exchange result = template.send("lark:chat?userIdType=open_id", e -> e.getMessage().setBody(alertRoom()));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LarkConstants.CHAT_ID)).isEqualTo("oc_new");
        assertThat(result.getMessage().getBody(Map.class)).containsEntry("chat_id", "oc_new");
        lark.verify(1, postRequestedFor(urlPathEqualTo("/open-apis/im/v1/chats"))
                .withQueryParam("user_id_type", equalTo("open_id"))
                .withQueryParam("set_bot_manager", equalTo("true"))
                .withQueryParam("uuid", matching("cl-[A-Za-z0-9_-]{43}"))
                .withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN))
                .withRequestBody(equalToJson("{\"name\":\"alert-room\",\"description\":\"CPU alerts\",\"owner_id\":\"ou_owner\","
                                             + "\"user_id_list\":[\"ou_a\",\"ou_b\"],\"bot_id_list\":[\"cli_other\"],"
                                             + "\"chat_mode\":\"group\",\"chat_type\":\"private\"}")));
        assertThat(businessRequests().get(0).getUrl()).matches(
                "/open-apis/im/v1/chats\\?user_id_type=open_id&set_bot_manager=true&uuid=cl-[A-Za-z0-9_-]{43}");
    }

    @Test
    void createIsRetriedWithTheSameUuidAfterAServerError() {
        lark.stubFor(post(urlPathEqualTo("/open-apis/im/v1/chats")).inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(serverError()).willSetStateTo("recovered"));
        lark.stubFor(post(urlPathEqualTo("/open-apis/im/v1/chats")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(success("{\"chat_id\":\"oc_new\"}"))));

        Exchange result = template.send("lark:chat", e -> {
            e.getMessage().setBody("{\"name\":\"alert-room\"}");
            e.getMessage().setHeader(LarkConstants.UUID, "chat-alert-room-2024");
        });

        assertThat(result.getException()).isNull();
        assertThat(businessRequests()).hasSize(2).allSatisfy(request -> assertThat(request.getUrl())
                .isEqualTo("/open-apis/im/v1/chats?uuid=chat-alert-room-2024"));
    }

    @Test
    void createGuards() {
        Map<String, Object> tooManyUsers = new LinkedHashMap<>(Map.of("user_id_list", Collections.nCopies(51, "ou")));
        Map<String, Object> tooManyBots = new LinkedHashMap<>(Map.of("bot_id_list", Collections.nCopies(6, "cli")));
        Map<String, Object> shortPublicName = new LinkedHashMap<>(Map.of("chat_type", "public", "name", "x"));

        Exchange users = template.send("lark:chat", e -> e.getMessage().setBody(tooManyUsers));
        Exchange bots = template.send("lark:chat", e -> e.getMessage().setBody(tooManyBots));
        Exchange name = template.send("lark:chat", e -> e.getMessage().setBody(shortPublicName));

        assertThat(users.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lark chat create: user_id_list takes at most 50 ids, got 51")
                .hasMessageContaining("got 51");
        assertThat(bots.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lark chat create: bot_id_list takes at most 5 ids, got 6")
                .hasMessageContaining("got 6");
        assertThat(name.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 characters")
                .hasMessageContaining("'x'");
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void addMembersPostsTheIdsOfAListBodyAndReportsTheUnusableOnes() {
        String url = "/open-apis/im/v1/chats/oc_1/members?member_id_type=open_id";
        lark.stubFor(post(urlEqualTo(url)).willReturn(okJson(success("{\"invalid_id_list\":[\"ou_bad\"]}"))));

        Exchange result = template.send("lark:chat?operation=addMembers&memberIdType=open_id", e -> {
            e.getMessage().setBody(List.of("ou_a", "ou_bad"));
            e.getMessage().setHeader(LarkConstants.CHAT_ID, "oc_1");
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(Map.class)).containsEntry("invalid_id_list", List.of("ou_bad"))
                .containsEntry("not_existed_id_list", List.of());
        lark.verify(1, postRequestedFor(urlEqualTo(url))
                .withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN))
                .withRequestBody(equalToJson("{\"id_list\":[\"ou_a\",\"ou_bad\"]}")));
    }

    @Test
    void addMembersTakesSucceedTypeFromAMapBody() {
        String url = "/open-apis/im/v1/chats/oc_1/members?succeed_type=1";
        lark.stubFor(post(urlEqualTo(url)).willReturn(okJson(success("{\"invalid_id_list\":[],\"not_existed_id_list\":[\"ou_x\"]}"))));

        Exchange result = template.send("lark:chat?operation=addMembers&chatId=oc_1",
                e -> e.getMessage().setBody(Map.of("id_list", List.of("ou_x"), "succeed_type", 1)));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(Map.class)).containsEntry("not_existed_id_list", List.of("ou_x"));
        lark.verify(1, postRequestedFor(urlEqualTo(url)).withRequestBody(equalToJson("{\"id_list\":[\"ou_x\"]}")));
    }

    @Test
    void addMembersGuards() {
        Exchange none = template.send("lark:chat?operation=addMembers&chatId=oc_1", e -> e.getMessage().setBody(List.of()));
        Exchange users = template.send("lark:chat?operation=addMembers&chatId=oc_1",
                e -> e.getMessage().setBody(Collections.nCopies(51, "ou")));
        Exchange bots = template.send("lark:chat?operation=addMembers&chatId=oc_1&memberIdType=app_id",
                e -> e.getMessage().setBody(Collections.nCopies(6, "cli")));
        Exchange noChat = template.send("lark:chat?operation=addMembers", e -> e.getMessage().setBody(List.of("ou_1")));

        assertThat(none.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id_list takes 1 to 50 ids, got 0");
        assertThat(users.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id_list takes 1 to 50 ids, got 51");
        assertThat(bots.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id_list takes 1 to 5 ids, got 6");
        assertThat(noChat.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chatId");
        assertThat(businessRequests()).isEmpty();
    }
}
