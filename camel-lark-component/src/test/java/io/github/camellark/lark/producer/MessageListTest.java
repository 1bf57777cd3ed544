package io.github.camellark.lark.producer;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** autoPaginate: the body is a lazy Iterator over all pages, which split().streaming() walks page by page. */
class MessageListTest extends MessageTestSupport {

    private static final String MESSAGES = "/open-apis/im/v1/messages";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:history")
                        .to("lark:message?operation=list&containerId=oc_1&autoPaginate=true")
                        .split(body()).streaming()
                        .to("mock:message");
            }
        };
    }

    private void stubTwoPages() {
        lark.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("page_token", absent()).willReturn(okJson(success(
                "{\"items\":[{\"message_id\":\"om_1\"},{\"message_id\":\"om_2\"}],\"has_more\":true,\"page_token\":\"p2\"}"))));
        lark.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("page_token", equalTo("p2")).willReturn(okJson(success(
                "{\"items\":[{\"message_id\":\"om_3\"}],\"has_more\":false}"))));
    }

    @Test
    void theSecondPageIsFetchedOnlyWhenTheIteratorReachesIt() {
        stubTwoPages();

        Exchange out = callOk("lark:message?operation=list&containerId=oc_1&autoPaginate=true&pageSize=2", null);

        assertThat(out.getMessage().getBody()).isInstanceOf(Iterator.class);
        Iterator<?> messages = out.getMessage().getBody(Iterator.class);
        assertThat(businessRequests()).as("only the first page so far").hasSize(1);
        assertThat(((Map<?, ?>) messages.next()).get("message_id")).isEqualTo("om_1");
        assertThat(((Map<?, ?>) messages.next()).get("message_id")).isEqualTo("om_2");
        assertThat(businessRequests()).as("the first page is used up but not asked past").hasSize(1);

        assertThat(messages.hasNext()).isTrue();
        assertThat(businessRequests()).hasSize(2);
        assertThat(((Map<?, ?>) messages.next()).get("message_id")).isEqualTo("om_3");
        assertThat(messages.hasNext()).isFalse();
        lark.verify(getRequestedFor(urlPathEqualTo(MESSAGES)).withQueryParam("page_token", equalTo("p2"))
                .withQueryParam("page_size", equalTo("2")).withQueryParam("container_id", equalTo("oc_1")));
    }

    @Test
    void splitStreamingWalksEveryPage() throws Exception {
        stubTwoPages();
        MockEndpoint mock = getMockEndpoint("mock:message");
        mock.expectedMessageCount(3);

        template.sendBody("direct:history", null);

        mock.assertIsSatisfied();
        assertThat(mock.getExchanges()).extracting(e -> e.getMessage().getBody(Map.class).get("message_id"))
                .isEqualTo(List.of("om_1", "om_2", "om_3"));
        assertThat(businessRequests()).hasSize(2);
    }
}
