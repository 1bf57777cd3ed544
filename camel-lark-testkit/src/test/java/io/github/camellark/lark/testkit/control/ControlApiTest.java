package io.github.camellark.lark.testkit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camellark.lark.testkit.LarkSimulator;

/** Everything a Java test does through the simulator's API, done over HTTP by another process. */
class ControlApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CARD = "{\"schema\":\"2.0\",\"body\":{\"elements\":[{\"tag\":\"button\",\"text\":"
            + "{\"tag\":\"plain_text\",\"content\":\"Approve\"},\"behaviors\":[{\"type\":\"callback\",\"value\":{\"op\":\"approve\"}}]}]}}";

    private final HttpClient http = HttpClient.newHttpClient();
    private LarkSimulator sim;
    private HttpServer app;
    private final List<JsonNode> pushed = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final List<com.sun.net.httpserver.Headers> headers = new CopyOnWriteArrayList<>();
    private volatile String answer = "{}";

    @BeforeEach
    void start() throws IOException {
        sim = LarkSimulator.start();
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.createContext("/", exchange -> {
            byte[] received = exchange.getRequestBody().readAllBytes();
            bodies.add(received);
            headers.add(exchange.getRequestHeaders());
            pushed.add(JSON.readTree(received));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        app.start();
    }

    @AfterEach
    void stop() {
        app.stop(0);
        sim.close();
    }

    @Test
    void setsUpPeopleDepartmentsAndChats() throws Exception {
        String alice = call("POST", "/users", "{\"name\":\"Alice\"}").path("open_id").asText();
        call("POST", "/users", "{\"name\":\"Bob\",\"email\":\"bob@corp.example\"}");

        JsonNode department = call("POST", "/departments", "{\"name\":\"Ops\",\"members\":[\"Alice\",\"Bob\"]}");
        JsonNode chat = call("POST", "/chats", "{\"name\":\"ops-room\",\"members\":[\"" + alice + "\"]}");

        assertThat(alice).startsWith("ou_");
        assertThat(department.path("open_department_id").asText()).startsWith("od-");
        assertThat(department.path("members")).hasSize(2);
        assertThat(chat.path("chat_id").asText()).startsWith("oc_");
        assertThat(chat.path("bot_is_member").asBoolean()).isTrue();
        assertThat(call("GET", "/users", null).path("users")).hasSize(2);
        assertThat(sim.state().chatNamed("ops-room")).isPresent();
        assertThat(call("GET", "", null).path("app_id").asText()).isEqualTo(sim.appId());
    }

    @Test
    void aPersonsMessageToAChatAndToTheBotIsPushedToTheConfiguredWebhook() throws Exception {
        setUpAliceInOpsRoom();
        call("PUT", "/webhook", "{\"url\":\"http://127.0.0.1:" + app.getAddress().getPort() + "/lark\",\"retry_delays_ms\":[]}");

        call("POST", "/messages", "{\"from\":\"Alice\",\"chat\":\"ops-room\",\"text\":\"disk full\"}");
        call("POST", "/messages", "{\"from\":\"Alice\",\"to_bot\":true,\"msg_type\":\"post\","
                + "\"content\":{\"zh_cn\":{\"title\":\"T\",\"content\":[[{\"tag\":\"text\",\"text\":\"hi\"}]]}}}");
        call("POST", "/messages", "{\"from\":\"Alice\",\"chat\":\"ops-room\",\"msg_type\":\"image\",\"image_base64\":\"iVBORw0KGgo=\"}");

        await().until(() -> pushed.size() == 3);
        assertThat(pushed).extracting(p -> p.at("/event/message/message_type").asText()).containsExactly("text", "post", "image");
        assertThat(pushed.get(1).at("/event/message/chat_type").asText()).isEqualTo("p2p");
        await().until(() -> call("GET", "/deliveries", null).path("webhook").findValuesAsText("state").equals(
                List.of("DELIVERED", "DELIVERED", "DELIVERED")));
        assertThat(call("GET", "/conversation?chat=ops-room", null).path("text").asText()).contains("Alice: disk full");
    }

    @Test
    void webhookFaultsAndDuplicatesAreConfiguredOverHttp() throws Exception {
        setUpAliceInOpsRoom();
        call("PUT", "/webhook", "{\"url\":\"http://127.0.0.1:" + app.getAddress().getPort() + "/lark\",\"encrypt_key\":\"k3y\","
                + "\"tampering\":\"signature\",\"retry_delays_ms\":[]}");
        String message = call("POST", "/messages", "{\"from\":\"Alice\",\"chat\":\"ops-room\",\"text\":\"hi\"}").path("message_id").asText();
        JsonNode event = call("GET", "/events", null).at("/events/0/body");

        call("POST", "/events", "{\"event\":" + event + ",\"copies\":2}");

        await().until(() -> pushed.size() == 3);
        assertThat(pushed).allSatisfy(body -> assertThat(body.has("encrypt")).isTrue());
        assertThat(headers).allSatisfy(h -> assertThat(h.getFirst("X-Lark-Signature")).isNotBlank());
        assertThat(io.github.camellark.lark.testkit.events.EventCrypto.signature(headers.get(0).getFirst("X-Lark-Request-Timestamp"),
                headers.get(0).getFirst("X-Lark-Request-Nonce"), "k3y", bodies.get(0))).as("tampered signature")
                .isNotEqualTo(headers.get(0).getFirst("X-Lark-Signature"));
        assertThat(call("GET", "/events", null).path("events")).extracting(e -> e.at("/body/event/message/message_id").asText())
                .containsOnly(message).hasSize(3);
    }

    @Test
    void aClickOnACardWaitsForTheAppsAnswerAndReportsIt() throws Exception {
        setUpAliceInOpsRoom();
        call("PUT", "/webhook", "{\"url\":\"http://127.0.0.1:" + app.getAddress().getPort() + "/lark\"}");
        String card = sim.state().postMessage(sim.state().chatNamed("ops-room").orElseThrow(), sim.state().bot(), "interactive", CARD)
                .messageId();
        answer = "{\"toast\":{\"type\":\"success\",\"content\":\"Approved\"}}";

        JsonNode reply = call("POST", "/cards/click", "{\"user\":\"Alice\",\"message_id\":\"" + card + "\",\"value\":{\"op\":\"approve\"}}");

        assertThat(reply.path("answered").asBoolean()).isTrue();
        assertThat(reply.at("/toast/content").asText()).isEqualTo("Approved");
        assertThat(pushed.get(0).at("/event/action/value/op").asText()).isEqualTo("approve");
        assertThat(reply.path("token").asText()).startsWith("c-");
    }

    @Test
    void membersReactionsReadsAndRecallsBecomeEvents() throws Exception {
        setUpAliceInOpsRoom();
        call("POST", "/users", "{\"name\":\"Bob\"}");
        String botMessage = sim.state().postMessage(sim.state().chatNamed("ops-room").orElseThrow(), sim.state().bot(), "text",
                sim.state().textContent("deploy done")).messageId();

        call("POST", "/chats/ops-room/members", "{\"users\":[\"Bob\"],\"by\":\"Alice\"}");
        call("POST", "/chats/ops-room/members/remove", "{\"users\":[\"Bob\"],\"by\":\"Alice\"}");
        String reaction = call("POST", "/messages/" + botMessage + "/reactions", "{\"user\":\"Alice\",\"emoji_type\":\"THUMBSUP\"}")
                .path("reaction_id").asText();
        call("DELETE", "/reactions/" + reaction, null);
        assertThat(call("POST", "/messages/" + botMessage + "/read", "{\"user\":\"Alice\"}").path("first_read").asBoolean()).isTrue();
        String own = call("POST", "/messages", "{\"from\":\"Alice\",\"chat\":\"ops-room\",\"text\":\"oops\"}").path("message_id").asText();
        call("POST", "/messages/" + own + "/recall", "{\"user\":\"Alice\"}");

        assertThat(call("GET", "/events", null).path("events")).extracting(e -> e.path("event_type").asText()).containsExactly(
                "im.chat.member.user.added_v1", "im.chat.member.user.deleted_v1", "im.message.reaction.created_v1",
                "im.message.reaction.deleted_v1", "im.message.message_read_v1", "im.message.receive_v1", "im.message.recalled_v1");
    }

    @Test
    void restFaultsHitLarkCallsOnlyAndControlCallsStayOutOfTheJournal() throws Exception {
        call("POST", "/faults/rest", "{\"kind\":\"fail\",\"http_status\":503,\"count\":1,\"method\":\"GET\",\"path\":\"/open-apis/im/v1/pins\"}");

        call("GET", "/users", null);
        HttpResponse<String> lark = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/open-apis/im/v1/pins")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(lark.statusCode()).isEqualTo(503);
        assertThat(call("GET", "/journal", null).path("requests").findValuesAsText("path")).containsExactly("/open-apis/im/v1/pins");
    }

    @Test
    void rateLimitsAreEnforcedOnRequestAndStoppedAgain() throws Exception {
        call("PUT", "/rate-limits", "{\"app_per_second\":1}");
        HttpRequest pins = HttpRequest.newBuilder(URI.create(sim.baseUri() + "/open-apis/im/v1/pins")).build();
        http.send(pins, HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> refused = http.send(pins, HttpResponse.BodyHandlers.ofString());
        call("DELETE", "/rate-limits", null);
        HttpResponse<String> again = http.send(pins, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("99991400");
        assertThat(again.statusCode()).isNotEqualTo(429);
    }

    @Test
    void longConnectionFaultsShapeDiscoveryAndHandshakes() throws Exception {
        call("POST", "/faults/long-connection", "{\"action\":\"fail_discoveries\",\"count\":1,\"code\":1000040343}");
        call("PUT", "/long-connection", "{\"client_config\":{\"ReconnectInterval\":1,\"ReconnectNonce\":0}}");

        JsonNode failed = JSON.readTree(discover());
        JsonNode ok = JSON.readTree(discover());

        assertThat(failed.path("code").asInt()).isEqualTo(1000040343);
        assertThat(failed.at("/data/ClientConfig").isObject()).isTrue();
        assertThat(ok.at("/data/ClientConfig/ReconnectInterval").asInt()).isEqualTo(1);
        assertThat(call("GET", "/long-connection", null).path("discoveries").asInt()).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() throws Exception {
        HttpResponse<String> missing = send("POST", "/messages", "{\"chat\":\"ops-room\"}");
        HttpResponse<String> unknown = send("POST", "/messages", "{\"from\":\"Nobody\",\"chat\":\"ops-room\",\"text\":\"x\"}");
        HttpResponse<String> kind = send("POST", "/faults/rest", "{\"kind\":\"explode\"}");
        setUpAliceInOpsRoom();
        call("POST", "/users", "{\"name\":\"Bob\"}");
        HttpResponse<String> outsider = send("POST", "/messages", "{\"from\":\"Bob\",\"chat\":\"ops-room\",\"text\":\"x\"}");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\\\"from\\\" is required");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(kind.body()).contains("explode");
        assertThat(outsider.statusCode()).isEqualTo(400);
        assertThat(outsider.body()).contains("Bob is not a member");
    }

    @Test
    void resetForgetsTheTenantAndTheRecords() throws Exception {
        setUpAliceInOpsRoom();
        call("POST", "/messages", "{\"from\":\"Alice\",\"chat\":\"ops-room\",\"text\":\"hello\"}");

        call("POST", "/reset", null);

        assertThat(call("GET", "/users", null).path("users")).isEmpty();
        assertThat(call("GET", "/chats", null).path("chats")).isEmpty();
        assertThat(call("GET", "/events", null).path("events")).isEmpty();
        assertThat(call("GET", "/conversation", null).path("lines")).isEmpty();
    }

    private void setUpAliceInOpsRoom() throws Exception {
        call("POST", "/users", "{\"name\":\"Alice\"}");
        call("POST", "/chats", "{\"name\":\"ops-room\",\"members\":[\"Alice\"]}");
    }

    private String discover() throws Exception {
        String body = "{\"AppID\":\"" + sim.appId() + "\",\"AppSecret\":\"" + sim.appSecret() + "\"}";
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/callback/ws/endpoint"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private JsonNode call(String method, String path, String body) throws Exception {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUri() + ControlApi.PREFIX + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
