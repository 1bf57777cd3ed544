package io.github.camellark.lark.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.examples.offline.OfflineLark;
import io.github.camellark.lark.examples.offline.Scenarios;
import io.github.camellark.lark.testkit.Journal;
import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.RecordedRequest;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimulatorState;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import static org.awaitility.Awaitility.await;

/**
 * Runs the example app as {@link io.github.camellark.lark.examples.Main} does offline: the simulator with its people,
 * the app on Camel Main pointed at it (events over the simulator's long connection), one per test class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OfflineExampleTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    OfflineLark tenant;
    Main app;
    Scenarios scenarios;

    @BeforeAll
    void startTheAppAgainstTheSimulator() throws Exception {
        // the conversation is what the demo prints; the tests read the simulator's state and journal instead
        tenant = OfflineLark.start(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        app = ExampleApp.create(tenant.properties());
        app.start();
        scenarios = tenant.scenarios();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (app != null) {
                app.stop();
            }
        } finally {
            if (tenant != null) {
                tenant.close();
            }
        }
    }

    LarkSimulator lark() {
        return tenant.simulator();
    }

    SimulatorState state() {
        return lark().state();
    }

    Journal journal() {
        return lark().journal();
    }

    /**
     * The requests to {@code method pathPattern}, once there are {@code count}: the simulator stores what a request does
     * before it journals the request, so a scenario that saw the effect may be a moment ahead of the journal.
     */
    List<RecordedRequest> requests(String method, String pathPattern, int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> journal().count(method, pathPattern) >= count);
        return journal().requests(method, pathPattern);
    }

    /** The last request to {@code method pathPattern}, once there is one (see {@link #requests(String, String, int)}). */
    RecordedRequest last(String method, String pathPattern) {
        List<RecordedRequest> requests = requests(method, pathPattern, 1);
        return requests.get(requests.size() - 1);
    }

    /** The messages the app's bot posted as replies to {@code parent}. */
    List<SimMessage> botRepliesTo(SimMessage parent) {
        return state().messages().stream()
                .filter(m -> parent.messageId().equals(m.parentId()) && m.sender().isApp())
                .toList();
    }

    /** The texts of a JSON array. */
    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
