package io.github.camellark.lark.producer;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.camellark.lark.support.LarkTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class UrlPreviewHandlerTest extends LarkTestSupport {

    private static final String PATH = "/open-apis/im/v2/url_previews/batch_update";

    @Test
    void batchUpdatePostsTheTokensOfAListBody() {
        lark.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(success("{}"))));

        Exchange result = template.send("lark:urlPreview", e -> e.getMessage().setBody(List.of("pt_1", "pt_2")));

        assertThat(result.getException()).isNull();
        lark.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN))
                .withRequestBody(equalToJson("{\"preview_tokens\":[\"pt_1\",\"pt_2\"]}")));
    }

    @Test
    void batchUpdateTakesTokensAndOpenIdsFromAMapBody() {
        lark.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(success("{}"))));

        Exchange result = template.send("lark:urlPreview?operation=batchUpdate",
                e -> e.getMessage().setBody(Map.of("preview_tokens", List.of("pt_1"), "open_ids", List.of("ou_1", "ou_2"))));

        assertThat(result.getException()).isNull();
        lark.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("{\"preview_tokens\":[\"pt_1\"],\"open_ids\":[\"ou_1\",\"ou_2\"]}")));
    }

    @Test
    void noneOrMoreThanTenTokensFailBeforeAnyRequest() {
        Exchange none = template.send("lark:urlPreview", e -> e.getMessage().setBody(List.of()));
        Exchange eleven = template.send("lark:urlPreview", e -> e.getMessage().setBody(Collections.nCopies(11, "pt")));

        assertThat(none.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preview_tokens takes 1 to 10 ids, got 0");
        assertThat(eleven.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("preview_tokens takes 1 to 10 ids, got 11");
        assertThat(businessRequests()).isEmpty();
    }
}
