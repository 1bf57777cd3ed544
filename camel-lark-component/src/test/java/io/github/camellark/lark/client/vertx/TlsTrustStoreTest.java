package io.github.camellark.lark.client.vertx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.support.SelfSignedTls;
import io.github.camellark.lark.testkit.camel.SimulatorSetup;
import io.github.camellark.lark.support.TlsTerminator;
import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.ws.WsDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HTTPS and wss with a certificate the JVM does not trust, as behind a corporate CA: trusted through Camel's
 * sslContextParameters (on the component, or the CamelContext's global ones), refused without them.
 */
class TlsTrustStoreTest {

    @TempDir
    static Path dir;

    private LarkSimulator lark;
    private TlsTerminator restTls;
    private TlsTerminator webSocketTls;
    private static SelfSignedTls certificate;
    private CamelContext camel;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = SelfSignedTls.create(dir);
    }

    @BeforeEach
    void startLarkBehindTls() throws Exception {
        lark = LarkSimulator.start();
        restTls = new TlsTerminator(certificate.serverContext(), lark.port());
        webSocketTls = new TlsTerminator(certificate.serverContext(), lark.longConnection().webSocketUri().getPort());
        lark.longConnection().advertisedUri(java.net.URI.create("wss://127.0.0.1:" + webSocketTls.port() + "/ws/v2"));
        camel = new DefaultCamelContext();
        LarkComponent component = SimulatorSetup.configure(camel.getComponent("lark", LarkComponent.class), lark);
        component.getConfiguration().setBaseUri("https://127.0.0.1:" + restTls.port());   // through the TLS terminator
        component.getConfiguration().setMaxRetries(0);
    }

    @AfterEach
    void stop() {
        camel.stop();
        webSocketTls.close();
        restTls.close();
        lark.close();
    }

    @Test
    void sendsAndReceivesOverHttpsAndWssWithTheTrustStoreOfSslContextParameters() throws Exception {
        String trustStoreFile = certificate.keyStore().toUri().toString();
        String trustStorePassword = SelfSignedTls.PASSWORD;
        CamelContext context = camel;
        // as docs/lark-component.md shows it
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource(trustStoreFile);   // e.g. "file:/etc/pki/corporate-ca.p12"
        store.setPassword(trustStorePassword);
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trust);
        context.getComponent("lark", LarkComponent.class).getConfiguration().setSslContextParameters(tls);

        assertSendAndReceiveWork();
    }

    @Test
    void theGlobalSslContextParametersServeWhenTheComponentIsToldToUseThem() throws Exception {
        camel.setSSLContextParameters(certificate.trustingParameters());
        camel.getComponent("lark", LarkComponent.class).setUseGlobalSslContextParameters(true);

        assertSendAndReceiveWork();
    }

    @Test
    void withoutTheTrustStoreTheCertificateIsRefusedWithAnErrorNamingHostAndOption() {
        camel.start();
        SimChat chat = lark.createChat("ops", lark.createUser("Alice"));

        Exchange sent = camel.createProducerTemplate().send("lark:message", e -> {
            e.getMessage().setBody("over https");
            e.getMessage().setHeader(LarkConstants.RECEIVE_ID, chat.chatId());
        });

        assertThat(sent.getException()).hasMessageContaining("https://127.0.0.1:" + restTls.port())
                .hasMessageContaining("baseUri").hasStackTraceContaining("SSLHandshakeException");
        assertThat(lark.state().messages()).isEmpty();
    }

    private void assertSendAndReceiveWork() throws Exception {
        AtomicReference<Object> received = new AtomicReference<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("lark:events").process(e -> received.set(e.getMessage().getHeader(LarkConstants.EVENT_ID)));
            }
        });
        camel.start();
        SimChat chat = lark.createChat("ops", lark.createUser("Alice"));

        Exchange sent = camel.createProducerTemplate().send("lark:message", e -> {
            e.getMessage().setBody("over https");
            e.getMessage().setHeader(LarkConstants.RECEIVE_ID, chat.chatId());
        });

        assertThat(sent.getException()).isNull();
        assertThat(lark.state().messages()).singleElement().satisfies(m -> assertThat(m.chatId()).isEqualTo(chat.chatId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> lark.longConnection().openConnections().size() == 1);
        var event = lark.events().factory().textMessage(lark.events().factory().user("Bob"), chat.chatId(), "over wss");
        WsDelivery delivery = lark.longConnection().push(event);
        await().atMost(Duration.ofSeconds(10)).until(delivery::isDelivered);
        assertThat(received.get()).isEqualTo(event.id());
    }
}
