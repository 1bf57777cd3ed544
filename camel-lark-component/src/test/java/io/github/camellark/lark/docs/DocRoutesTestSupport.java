package io.github.camellark.lark.docs;

import java.net.URI;
import java.time.Duration;

import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.support.LarkWebhookPoster;
import io.github.camellark.lark.testkit.camel.SimulatorSetup;
import io.github.camellark.lark.testkit.LarkSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

import static org.awaitility.Awaitility.await;

/**
 * Runs the routes the documentation shows against the testkit's Lark simulator, a fresh one for every test: its REST API
 * answers the producers, its long connection feeds {@code lark:events}, and Camel's HTTP platform (Vert.x, as
 * camel-platform-http-main runs it, on 127.0.0.1) serves the webhook consumers. Each test adds the routes it runs, so
 * that no other events consumer shares the app's long connection with them.
 * <p>
 * The {@code lark} component is a bean of the registry, built the way docs/events.md shows for Spring Boot.
 */
abstract class DocRoutesTestSupport extends CamelTestSupport {

    static final String ENCRYPT_KEY = "docs-encrypt-key-never-logged";
    static final String VERIFICATION_TOKEN = "docs-verification-token-never-logged";

    protected int httpPort;
    protected LarkSimulator sim;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        // CamelTestSupport creates the context before any @BeforeEach: start Lark's side here
        sim = LarkSimulator.builder().verificationToken(VERIFICATION_TOKEN).start();
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("lark", larkComponent(sim.appId(), sim.appSecret(), ENCRYPT_KEY, VERIFICATION_TOKEN));
        SimulatorSetup.configure(context.getComponent("lark", LarkComponent.class), sim).getConfiguration().setRetryBackoff(10);

        httpPort = LarkWebhookPoster.addHttpPlatform(context);
        return context;
    }

    /** docs/events.md, "Spring Boot": what a {@code @Bean("lark")} method returns. */
    static LarkComponent larkComponent(String appId, String appSecret, String encryptKey, String verificationToken) {
        LarkComponent lark = new LarkComponent();
        lark.getConfiguration().setAppId(appId);
        lark.getConfiguration().setAppSecret(appSecret);
        lark.getConfiguration().setEncryptKey(encryptKey);
        lark.getConfiguration().setVerificationToken(verificationToken);
        return lark;
    }

    @AfterEach
    void closeLarkAndCheckTheLogs() {
        // the consumers first, so that none of them tries to reconnect to a closed simulator
        context.stop();
        if (sim != null) {
            sim.close();
        }
    }

    /** Adds the routes of a test; an events consumer among them connects to the simulator's long connection. */
    protected void start(RoutesBuilder... routes) throws Exception {
        for (RoutesBuilder route : routes) {
            context.addRoutes(route);
        }
    }

    /** Waits until this many long connections are open (one per app, whatever its number of {@code lark:events} consumers). */
    protected void awaitLongConnections(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.longConnection().openConnections().size() == count);
    }

    /** The URL of a webhook path on the local HTTP platform. */
    protected String webhookUrl(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path).toString();
    }
}
