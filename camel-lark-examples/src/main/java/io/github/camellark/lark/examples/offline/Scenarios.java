package io.github.camellark.lark.examples.offline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.events.CardClickReply;
import io.github.camellark.lark.testkit.state.Sender;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.StateListener;

/**
 * The simulated people and systems acting out the five scenarios: the monitoring system posts an alert, HR posts a
 * broadcast, Alice adds newcomers to #general, Alice types commands and Bob clicks the approval card, Dave asks the
 * help desk. Each method
 * returns once the app has done its part (or fails after {@link OfflineLark#STEP_TIMEOUT}), with what tests check.
 */
public final class Scenarios {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OfflineLark tenant;
    private final LarkSimulator lark;
    private final String app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Scenarios(OfflineLark tenant, String app) {
        this.tenant = tenant;
        this.lark = tenant.simulator();
        this.app = app;
    }

    /** Runs the five scenarios in order. */
    public void playAll() {
        alertGroup();
        departmentBroadcast();
        welcomeBot();
        cardInteraction();
        helpDesk();
    }

    /** Dave asks the help desk; the answer is typed into one card, and he clicks Helpful. */
    public HelpDeskScenario.Outcome helpDesk() {
        return new HelpDeskScenario(tenant).play();
    }

    // ---------------------------------------------------------------- 1. alert group bot

    /** What the alert scenario produced. */
    public record AlertOutcome(String chatId, String cardMessageId) {
    }

    /** The monitoring system posts an alert; the app opens a war room, posts the card, pins it, buzzes Alice. */
    public AlertOutcome alertGroup() {
        tenant.printer().heading("1. Alert group bot: the monitoring system POSTs an alert to /alerts");
        JsonNode reply = post("/alerts", Map.of("title", "Disk almost full", "host", "db-1", "severity", "critical",
                "detail", "/var is 97% full and growing 1%/h"));
        return new AlertOutcome(reply.path("chat_id").asText(), reply.path("message_id").asText());
    }

    // ---------------------------------------------------------------- 2. department broadcast

    /** What the broadcast scenario produced, as the app answered it. */
    public record BroadcastOutcome(String batchMessageId, boolean delivered, int read, int total) {
    }

    /** HR posts a broadcast to Support and Operations; Alice and Bob read it as soon as it arrives. */
    public BroadcastOutcome departmentBroadcast() {
        tenant.printer().heading("2. Department broadcast: HR POSTs a message for two departments to /broadcasts");
        StateListener readers = new StateListener() {
            @Override
            public void messageStored(SimMessage message) {
                if (message.batchMessageId() != null) {
                    lark.state().chat(message.chatId()).map(SimChat::p2pUser)
                            .filter(user -> user.equals(tenant.alice) || user.equals(tenant.bob))
                            .ifPresent(user -> lark.state().markRead(user, message));
                }
            }
        };
        lark.state().addListener(readers);
        try {
            JsonNode reply = post("/broadcasts", Map.of(
                    "departments", List.of(tenant.support.openDepartmentId(), tenant.operations.openDepartmentId()),
                    "title", "Maintenance tonight",
                    "text", "Lark is read-only from 22:00 to 23:00 UTC."));
            return new BroadcastOutcome(reply.path("batch_message_id").asText(), reply.path("delivered").asBoolean(),
                    reply.path("read").asInt(), reply.path("total").asInt());
        } finally {
            lark.state().removeListener(readers);
        }
    }

    // ---------------------------------------------------------------- 3. welcome bot

    /** The greetings the welcome bot posted, in order. */
    public record WelcomeOutcome(String chatId, List<SimMessage> greetings) {
    }

    /** Alice adds Carol and Erin to #general; the bot greets each of them there. */
    public WelcomeOutcome welcomeBot() {
        tenant.printer().heading("3. Welcome bot: Alice adds Carol and Erin to #general");
        SimChat general = tenant.general;
        tenant.awaitEventsConnection();
        Instant since = lark.state().now();
        lark.state().addMembers(general, List.of(tenant.carol, tenant.erin), Sender.user(tenant.alice));
        tenant.await("the welcome posts for Carol and Erin in #general",
                () -> botMessagesIn(general, "post", since).size() >= 2);
        return new WelcomeOutcome(general.chatId(), botMessagesIn(general, "post", since));
    }

    // ---------------------------------------------------------------- 4. card interaction bot

    /** The commands typed, the approval card, and the click's callback response. */
    public record CardOutcome(SimMessage help, SimMessage request, SimMessage card, JsonNode callbackResponse) {
    }

    /** Alice asks for /help and requests an approval; Bob approves it on the card. */
    public CardOutcome cardInteraction() {
        tenant.printer().heading("4. Card interaction bot: Alice types commands, Bob clicks Approve");
        SimChat general = tenant.general;
        tenant.awaitEventsConnection();
        SimMessage help = lark.userSays(tenant.alice, general, "/help");
        awaitAnswered(help);

        Instant since = lark.state().now();
        SimMessage request = lark.userSays(tenant.alice, general, "/request Deploy v2.3 to production");
        awaitAnswered(request);
        tenant.await("the approval card in #general", () -> !botMessagesIn(general, "interactive", since).isEmpty());
        SimMessage card = botMessagesIn(general, "interactive", since).get(0);

        JsonNode response = click(tenant.bob, card, "Approve");
        tenant.await("the delayed update of the approval card",
                () -> lark.state().activities("card_delay_update").stream().anyMatch(a -> a.targetId().equals(card.messageId())));
        return new CardOutcome(help, request, card, response);
    }

    /** A command is answered with a reaction and a reply in its thread. */
    private void awaitAnswered(SimMessage command) {
        tenant.await("the reaction and the thread reply to \"" + command.content() + "\"",
                () -> !lark.state().reactionsOn(command.messageId()).isEmpty()
                      && lark.state().messages().stream()
                              .anyMatch(m -> command.messageId().equals(m.parentId()) && tenant.printer().shown(m)));
    }

    /**
     * {@code user} clicks the button labelled {@code label}: Lark sends the button's value in a
     * {@code card.action.trigger}, shows the user the toast of the app's answer and puts the answer's card in place of
     * the old one. Returns the answer.
     */
    private JsonNode click(SimUser user, SimMessage card, String label) {
        JsonNode value = buttonValue(card, label)
                .orElseThrow(() -> new IllegalStateException("no button '" + label + "' on card " + card.content()));
        tenant.printer().note(card.chatId(), user.name() + " clicks " + label);
        CardClickReply reply = lark.events().clickCard(user, card, JSON.convertValue(value, Map.class))
                .awaitReply(OfflineLark.STEP_TIMEOUT);
        if (!reply.answered()) {
            throw new IllegalStateException("the app did not answer " + user.name() + "'s click on " + label + ": "
                                            + reply.failure().orElse(""));
        }
        return reply.json();
    }

    /** The value of the card button labelled {@code label}: a JSON 2.0 callback behavior, or a 1.0 button value. */
    private static Optional<JsonNode> buttonValue(SimMessage card, String label) {
        List<JsonNode> found = new ArrayList<>();
        collectButtons(json(card.content()), found);
        for (JsonNode button : found) {
            if (label.equals(button.path("text").path("content").asText())) {
                for (JsonNode behavior : button.path("behaviors")) {
                    if ("callback".equals(behavior.path("type").asText())) {
                        return Optional.of(behavior.path("value"));
                    }
                }
                return button.has("value") ? Optional.of(button.get("value")) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void collectButtons(JsonNode node, List<JsonNode> found) {
        if ("button".equals(node.path("tag").asText())) {
            found.add(node);
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            collectButtons(children.next(), found);
        }
    }

    // ---------------------------------------------------------------- helpers

    private List<SimMessage> botMessagesIn(SimChat chat, String msgType, Instant since) {
        return lark.state().messagesIn(chat).stream()
                .filter(m -> m.sender().isApp() && m.msgType().equals(msgType) && !m.createTime().isBefore(since)
                             && tenant.printer().shown(m))
                .toList();
    }

    private JsonNode post(String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(app + path))
                    .timeout(OfflineLark.STEP_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return json(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during POST " + path, e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }
}
