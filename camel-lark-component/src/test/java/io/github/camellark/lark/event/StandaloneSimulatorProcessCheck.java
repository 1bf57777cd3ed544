package io.github.camellark.lark.event;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.support.LogCapture;
import io.github.camellark.lark.testkit.camel.SimulatorSetup;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The standalone simulator ({@code java -jar camel-lark-testkit-<version>-standalone.jar}) as another process, driven over
 * HTTP only, the way a test suite in another language would: a person's message reaches a {@code lark:events} route, a card
 * click gets the route's answer, and a dropped long connection is re-established. Run by failsafe after {@code package}
 * (the name ends in ProcessCheck: *IT classes are the real-Lark tests).
 */
class StandaloneSimulatorProcessCheck extends CamelTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CARD = "{\"schema\":\"2.0\",\"config\":{\"update_multi\":true},\"body\":{\"elements\":[{\"tag\":"
            + "\"button\",\"text\":{\"tag\":\"plain_text\",\"content\":\"Approve\"},\"behaviors\":[{\"type\":\"callback\","
            + "\"value\":{\"op\":\"approve\"}}]}]}}";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Process simulator;
    private static JsonNode facts;

    @BeforeAll
    static void startTheStandaloneSimulator() throws IOException {
        Path jar = Path.of(System.getProperty("standalone.simulator.jar", "../camel-lark-testkit/target/missing.jar"));
        assertThat(jar).as("the standalone jar, built by camel-lark-testkit's package phase (mvn -pl camel-lark-component -am verify)")
                .exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        simulator = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0", "--seed", "42")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8));
        String firstLine = out.readLine();
        assertThat(firstLine).as("the simulator's start line").isNotNull();
        facts = JSON.readTree(firstLine);
        drain(simulator.getInputStream());
    }

    @AfterAll
    static void stopTheStandaloneSimulator() throws InterruptedException {
        if (simulator != null) {
            simulator.destroy();
            if (!simulator.waitFor(10, TimeUnit.SECONDS)) {
                simulator.destroyForcibly();
            }
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        LarkComponent lark = SimulatorSetup.configure(context.getComponent("lark", LarkComponent.class), SimulatorSetup.componentOptions(
                facts.path("base_url").asText(), facts.path("app_id").asText(), facts.path("app_secret").asText()));
        lark.getConfiguration().setVerificationToken(facts.path("verification_token").asText());
        return context;
    }

    @Test
    void aPersonTalksToTheRouteClicksItsCardAndTheLongConnectionSurvivesADrop() throws Exception {
        assertThat(facts.path("app_id").asText()).matches("cli_[0-9a-f]{16}");
        control("PUT", "/long-connection", "{\"client_config\":{\"ReconnectInterval\":1,\"ReconnectNonce\":1,\"PingInterval\":1}}");
        control("POST", "/users", "{\"name\":\"Alice\"}");
        control("POST", "/chats", "{\"name\":\"ops-room\",\"members\":[\"Alice\"]}");
        MockEndpoint received = getMockEndpoint("mock:received");
        received.expectedMessageCount(2);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("lark:events?eventTypes=im.message.receive_v1")
                        .to("mock:received")
                        .setBody(constant(CARD))
                        .setHeader("CamelLarkMsgType", constant("interactive")) // the event set it to the message's type
                        .to("lark:message?operation=reply");
                from("lark:events?eventTypes=card.action.trigger")
                        .setBody(constant(Map.of("toast", Map.of("type", "success", "content", "Approved"))));
            }
        });
        await().atMost(WAIT).until(() -> control("GET", "/long-connection", null).path("open_connections").asInt() == 1);

        control("POST", "/messages", "{\"from\":\"Alice\",\"chat\":\"ops-room\",\"text\":\"deploy to prod?\"}");
        String card = await().atMost(WAIT).until(() -> botCard(), id -> id != null);
        JsonNode click = control("POST", "/cards/click", "{\"user\":\"Alice\",\"message_id\":\"" + card + "\",\"value\":{\"op\":\"approve\"}}");

        assertThat(click.path("answered").asBoolean()).as("click reply %s", click).isTrue();
        assertThat(click.at("/toast/content").asText()).isEqualTo("Approved");

        control("POST", "/faults/long-connection", "{\"action\":\"drop\"}");
        await().atMost(WAIT).until(() -> {
            JsonNode ws = control("GET", "/long-connection", null);
            return ws.path("connections").size() == 2 && ws.path("open_connections").asInt() == 1;
        });
        control("POST", "/messages", "{\"from\":\"Alice\",\"chat\":\"ops-room\",\"text\":\"still there?\"}");

        received.assertIsSatisfied(WAIT.toMillis());
        assertThat(received.getExchanges()).extracting(e -> e.getMessage().getHeader("CamelLarkChatId"))
                .containsOnly(control("GET", "/chats", null).at("/chats/0/chat_id").asText());
        assertThat(control("GET", "/deliveries", null).path("long_connection").findValuesAsText("state")).contains("DELIVERED");
        assertThat(LogCapture.linesContaining("Lark closed the connection (1006)")).as("the drop, as the consumer saw it").isNotEmpty();
    }

    /** The id of the first card the app sent to ops-room, or null while there is none. */
    private static String botCard() throws Exception {
        for (JsonNode message : control("GET", "/messages?chat=ops-room", null).path("messages")) {
            if (message.path("sender_type").asText().equals("app") && message.path("msg_type").asText().equals("interactive")) {
                return message.path("message_id").asText();
            }
        }
        return null;
    }

    private static JsonNode control(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(facts.path("control_url").asText() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Keeps the child's pipe empty so it never blocks on a full buffer. */
    private static void drain(InputStream in) {
        Thread drainer = new Thread(() -> {
            try (in) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the process ended
            }
        }, "standalone-simulator-stdout");
        drainer.setDaemon(true);
        drainer.start();
    }
}
