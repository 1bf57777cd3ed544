package io.github.camellark.lark.event.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camellark.lark.TestClocks;
import io.github.camellark.lark.support.SampleEvents;
import io.github.camellark.lark.support.WebhookInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A captured request replayed after a restart: the default in-memory repository forgot the event id, so with default
 * settings it is maxRequestAge (10 minutes) that refuses a replay older than that.
 */
class WebhookReplayTest {

    private static final String PATH = "/lark/events";

    private final AtomicInteger routed = new AtomicInteger();
    private final List<WebhookInstance> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(WebhookInstance::close);
    }

    /** The application (re)started, seeing the time {@code later} after now. */
    private WebhookInstance restartedAfter(Duration later) throws Exception {
        WebhookInstance instance = new WebhookInstance();
        instances.add(instance);
        TestClocks.set(instance.lark(), Clock.offset(Clock.systemUTC(), later));
        return instance.start(routes -> routes.from("lark:events?transport=webhook").process(exchange -> routed.incrementAndGet()));
    }

    /** Routes a request, stops the application, starts it again {@code later}, and replays the request: its status. */
    private int replayedAfterARestart(String eventId, Duration later) throws Exception {
        String body = WebhookInstance.encrypted(SampleEvents.messageInChat(eventId, "oc_replay", "transfer 100"));
        Map<String, String> captured = WebhookInstance.signed(body);
        WebhookInstance first = restartedAfter(Duration.ZERO);
        assertThat(first.post(PATH, body, captured).get(10, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(routed.get()).isOne();
        first.close();

        return restartedAfter(later).post(PATH, body, captured).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aCapturedRequestReplayedAfterARestartIsRefusedOnceOlderThanMaxRequestAge() throws Exception {
        assertThat(replayedAfterARestart("ev-replayed", Duration.ofMinutes(11))).isEqualTo(401);
        assertThat(routed.get()).as("events routed").isOne();
    }

    @Test
    void withinMaxRequestAgeARestartedInstanceWithAnInMemoryRepositoryRoutesTheReplayAgain() throws Exception {
        // what the events guide says: a durable idempotentRepository closes this window
        assertThat(replayedAfterARestart("ev-replayed-soon", Duration.ofMinutes(1))).isEqualTo(200);
        assertThat(routed.get()).as("events routed").isEqualTo(2);
    }
}
