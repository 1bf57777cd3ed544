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
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class ReactionHandlerTest extends LarkTestSupport {

    private static final String REACTION = "{\"reaction_id\":\"ZCaCIjUBVVWSrm5L\",\"operator\":{\"operator_id\":\"cli_test_app\","
                                           + "\"operator_type\":\"app\"},\"action_time\":\"1700000000000\",\"reaction_type\":{\"emoji_type\":\"THUMBSUP\"}}";

    @Test
    void createPostsTheEmojiAndSetsTheReactionId() {
        lark.stubFor(post(urlEqualTo("/open-apis/im/v1/messages/om_1/reactions")).willReturn(okJson(success(REACTION))));

        Exchange result = template.send("lark:reaction?messageId=om_1&emojiType=THUMBSUP", e -> {
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LarkConstants.REACTION_ID)).isEqualTo("ZCaCIjUBVVWSrm5L");
        assertThat(result.getMessage().getBody(Map.class)).containsEntry("reaction_id", "ZCaCIjUBVVWSrm5L");
        lark.verify(1, postRequestedFor(urlEqualTo("/open-apis/im/v1/messages/om_1/reactions"))
                .withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN))
                .withRequestBody(equalToJson("{\"reaction_type\":{\"emoji_type\":\"THUMBSUP\"}}")));
    }

    @Test
    void createWithoutEmojiFailsBeforeAnyRequest() {
        Exchange result = template.send("lark:reaction?messageId=om_1", e -> {
        });

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("emojiType")
                .hasMessageContaining(LarkConstants.EMOJI_TYPE);
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void listGivesOnePageWithFilterAndPagingHeaders() {
        lark.stubFor(get(urlEqualTo("/open-apis/im/v1/messages/om_1/reactions?reaction_type=SMILE&user_id_type=user_id&page_size=2&page_token=p1"))
                .willReturn(okJson(success("{\"items\":[" + REACTION + "],\"has_more\":true,\"page_token\":\"p2\"}"))));

        Exchange result = template.send("lark:reaction?operation=list&messageId=om_1&userIdType=user_id&pageSize=2", e -> {
            e.getMessage().setHeader(LarkConstants.EMOJI_TYPE, "SMILE");
            e.getMessage().setHeader(LarkConstants.PAGE_TOKEN, "p1");
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(List.class)).hasSize(1);
        assertThat(result.getMessage().getHeader(LarkConstants.HAS_MORE)).isEqualTo(true);
        assertThat(result.getMessage().getHeader(LarkConstants.PAGE_TOKEN)).isEqualTo("p2");
        lark.verify(1, getRequestedFor(urlEqualTo("/open-apis/im/v1/messages/om_1/reactions?reaction_type=SMILE&user_id_type=user_id&page_size=2&page_token=p1"))
                .withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN)));
    }

    @Test
    void listWithAutoPaginateWalksEveryPageLazily() {
        lark.stubFor(get(urlEqualTo("/open-apis/im/v1/messages/om_1/reactions"))
                .willReturn(okJson(success("{\"items\":[{\"reaction_id\":\"r1\"}],\"has_more\":true,\"page_token\":\"p2\"}"))));
        lark.stubFor(get(urlEqualTo("/open-apis/im/v1/messages/om_1/reactions?page_token=p2"))
                .willReturn(okJson(success("{\"items\":[{\"reaction_id\":\"r2\"}],\"has_more\":false}"))));

        Exchange result = template.send("lark:reaction?operation=list&messageId=om_1&autoPaginate=true", e -> {
        });

        assertThat(result.getException()).isNull();
        Iterator<?> items = result.getMessage().getBody(Iterator.class);
        assertThat(businessRequests()).hasSize(1);
        assertThat(items).toIterable().map(item -> (Object) ((Map<?, ?>) item).get("reaction_id")).containsExactly("r1", "r2");
        assertThat(businessRequests()).hasSize(2);
    }

    @Test
    void pageSizeOverFiftyFailsBeforeAnyRequest() {
        Exchange result = template.send("lark:reaction?operation=list&messageId=om_1&pageSize=51", e -> {
        });

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 50").hasMessageContaining("got 51");
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void deleteRemovesTheReaction() {
        lark.stubFor(delete(urlEqualTo("/open-apis/im/v1/messages/om_1/reactions/ZCaCIjUBVVWSrm5L")).willReturn(okJson(success(REACTION))));

        Exchange result = template.send("lark:reaction?operation=delete&messageId=om_1", e -> {
            e.getMessage().setHeader(LarkConstants.REACTION_ID, "ZCaCIjUBVVWSrm5L");
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(Map.class)).containsEntry("reaction_id", "ZCaCIjUBVVWSrm5L");
        lark.verify(1, deleteRequestedFor(urlEqualTo("/open-apis/im/v1/messages/om_1/reactions/ZCaCIjUBVVWSrm5L"))
                .withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN)));
    }

    @Test
    void deleteWithoutReactionIdFailsBeforeAnyRequest() {
        Exchange result = template.send("lark:reaction?operation=delete&messageId=om_1", e -> {
        });

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reactionId");
        assertThat(businessRequests()).isEmpty();
    }
}
