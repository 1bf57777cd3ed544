package io.github.camellark.lark.client.vertx;

import java.net.InetAddress;
import java.net.ServerSocket;

import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.testkit.camel.SimulatorSetup;
import io.github.camellark.lark.support.TunnelProxy;
import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.state.SimChat;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** REST calls through the component's HTTP proxy, and network failures that say where and which option. */
class ProxyAndNetworkErrorsTest {

    private LarkSimulator lark;
    private CamelContext camel;
    private LarkComponent component;

    @BeforeEach
    void start() {
        lark = LarkSimulator.start();
        camel = new DefaultCamelContext();
        component = SimulatorSetup.configure(camel.getComponent("lark", LarkComponent.class), lark);
        component.getConfiguration().setMaxRetries(0);
    }

    @AfterEach
    void stop() {
        camel.stop();
        lark.close();
    }

    @Test
    void restCallsGoThroughTheProxy() throws Exception {
        try (TunnelProxy proxy = new TunnelProxy()) {
            component.getConfiguration().setProxyHost("127.0.0.1");
            component.getConfiguration().setProxyPort(proxy.port());
            camel.start();
            SimChat chat = lark.createChat("ops", lark.createUser("Alice"));

            Exchange sent = send(chat.chatId());

            assertThat(sent.getException()).isNull();
            assertThat(lark.state().messages()).hasSize(1);
            assertThat(proxy.requestLines())
                    .anyMatch(line -> line.startsWith("POST " + lark.baseUri() + "/open-apis/auth/v3/tenant_access_token/internal"))
                    .anyMatch(line -> line.startsWith("POST " + lark.baseUri() + "/open-apis/im/v1/messages"));
        }
    }

    @Test
    void anUnreachableBaseUriIsReportedWithTheUrlTheHostAndTheOption() throws Exception {
        int closedPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = free.getLocalPort();
        }
        component.getConfiguration().setBaseUri("http://127.0.0.1:" + closedPort);
        camel.start();

        Exchange sent = send("oc_1");

        assertThat(sent.getException()).hasMessageContaining("cannot reach Lark at http://127.0.0.1:" + closedPort)
                .hasMessageContaining("host 127.0.0.1").hasMessageContaining("baseUri or domain option")
                .hasMessageNotContaining("null");
    }

    private Exchange send(String chatId) {
        return camel.createProducerTemplate().send("lark:message", e -> {
            e.getMessage().setBody("hello");
            e.getMessage().setHeader(LarkConstants.RECEIVE_ID, chatId);
        });
    }
}
