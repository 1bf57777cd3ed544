package io.github.camellark.lark.producer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.LarkEndpoint;
import io.github.camellark.lark.client.flow.FlowControlException;
import io.github.camellark.lark.support.SimulatorTestSupport;
import io.github.camellark.lark.testkit.RecordedRequest;
import io.github.camellark.lark.testkit.state.SimChat;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Alert storms against a simulator that enforces Lark's limits like Lark: flow control lets every send through without
 * one refusal, and never more than the limit in any rolling second, as the simulator's journal shows.
 * <p>
 * Scaling: at Lark's 5 sends a second per chat, 500 sends to one chat take 100 s. The one-chat storm runs at a
 * per-receiver limit of 50 a second, set alike on the simulator and on the endpoint, so 500 sends take about 10 s; the
 * mechanism is the same at 5 (the window, the line, the timers), only ten times slower. The app's limits are raised
 * out of the way there, and scaled down to 20 a second in the burst test.
 */
class FlowControlStormTest extends SimulatorTestSupport {

    private static final int STORM = 500;
    private static final String SEND_PATH = "/open-apis/im/v1/messages";

    @Test
    void aStormToOneChatIsDeliveredWithoutARefusalAndNeverFasterThanTheChatsLimit() {
        lark.rateLimits().perApp(10_000, 1_000_000).perReceiver(50).enforce();
        SimChat warRoom = lark.createChat("war-room", lark.createUser("Ann"));
        String uri = "lark:message?appRateLimitPerSecond=10000&appRateLimitPerMinute=1000000&receiverRateLimitPerSecond=50";

        List<Exchange> sent = storm(uri, i -> warRoom.chatId());

        assertThat(sent).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        List<RecordedRequest> sends = lark.journal().requests("POST", SEND_PATH);
        assertThat(sends).hasSize(STORM).allSatisfy(request -> assertThat(request.code()).isZero());
        assertThat(lark.state().messagesIn(warRoom)).hasSize(STORM);
        assertThat(mostInAnyRollingSecond(sends)).isLessThanOrEqualTo(50);
        LarkEndpoint endpoint = context.getEndpoint(uri, LarkEndpoint.class);
        assertThat(endpoint.getRateLimitWaitCount()).as("sends that waited for the chat").isPositive();
        assertThat(endpoint.getRetryCount()).isZero();
    }

    @Test
    void theSameStormOverOneHundredChatsIsNotSlowedByTheChatLimit() {
        lark.rateLimits().perApp(10_000, 1_000_000).enforce(); // Lark's 5 a second per chat
        List<SimChat> chats = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            chats.add(lark.createChat("team-" + i, lark.createUser("Member " + i)));
        }
        String uri = "lark:message?appRateLimitPerSecond=10000&appRateLimitPerMinute=1000000";

        List<Exchange> sent = storm(uri, i -> chats.get(i % chats.size()).chatId());

        assertThat(sent).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        assertThat(lark.journal().requests("POST", SEND_PATH)).hasSize(STORM)
                .allSatisfy(request -> assertThat(request.code()).isZero());
        // five sends to each chat: each fits in its chat's window, so none waited
        assertThat(context.getEndpoint(uri, LarkEndpoint.class).getRateLimitWaitCount()).isZero();
    }

    @Test
    void aBurstOverTheAppLimitIsSmoothedNotRefused() {
        lark.rateLimits().perApp(20, 1_000_000).enforce();
        List<SimChat> chats = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            chats.add(lark.createChat("burst-" + i, lark.createUser("Burst " + i)));
        }
        String uri = "lark:message?appRateLimitPerSecond=20&appRateLimitPerMinute=1000000";

        List<Exchange> sent = storm(uri, 60, i -> chats.get(i).chatId());

        assertThat(sent).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        List<RecordedRequest> sends = lark.journal().requests("POST", SEND_PATH);
        assertThat(sends).hasSize(60).allSatisfy(request -> assertThat(request.code()).isZero());
        assertThat(mostInAnyRollingSecond(sends)).isLessThanOrEqualTo(20);
        assertThat(context.getEndpoint(uri, LarkEndpoint.class).getRateLimitWaitCount()).isPositive();
    }

    @Test
    void withoutFlowControlTheSimulatorRefusesTheStorm() {
        lark.rateLimits().perApp(10_000, 1_000_000).enforce(); // Lark's 5 a second per chat
        SimChat warRoom = lark.createChat("war-room-unguarded", lark.createUser("Bea"));
        String uri = "lark:message?flowControl=false&maxRetries=0";

        List<Exchange> sent = storm(uri, 50, i -> warRoom.chatId());

        Map<Integer, Long> codes = lark.journal().requests("POST", SEND_PATH).stream()
                .collect(Collectors.groupingBy(RecordedRequest::code, Collectors.counting()));
        assertThat(codes.get(230020)).as("refusals past 5 a second to one chat: " + codes + " "
                + sent.stream().map(e -> String.valueOf(e.getException())).distinct().toList()).isPositive();
        assertThat(sent).anySatisfy(exchange -> assertThat(exchange.getException()).hasMessageContaining("230020"));
    }

    @Test
    void aSendThatCannotGetItsPlaceInTimeFailsUnsentNamingTheLimitAndTheChat() {
        SimChat quiet = lark.createChat("quiet-room", lark.createUser("Cy"));
        String uri = "lark:message?receiverRateLimitPerSecond=1&flowControlMaxWait=200ms";

        List<Exchange> sent = storm(uri, 3, i -> quiet.chatId());

        List<Exchange> failed = sent.stream().filter(exchange -> exchange.getException() != null).toList();
        assertThat(failed).isNotEmpty().allSatisfy(exchange -> assertThat(exchange.getException())
                .isInstanceOf(FlowControlException.class).hasMessageContaining("200 ms (flowControlMaxWait)")
                .hasMessageContaining("1 calls per second to receiver " + quiet.chatId()));
        assertThat(lark.journal().requests("POST", SEND_PATH)).hasSize(sent.size() - failed.size());
        assertThat(context.getEndpoint(uri, LarkEndpoint.class).getFailuresByCode()).contains("flowControl=" + failed.size());
    }

    @Test
    void endpointsOfOneAppMustAgreeOnTheLimitsTheyShare() {
        context.getEndpoint("lark:message?appRateLimitPerSecond=10").start();

        assertThatThrownBy(() -> context.getEndpoint("lark:message?appRateLimitPerSecond=20").start())
                .hasStackTraceContaining("share one flow control")
                .hasStackTraceContaining("appRateLimitPerSecond 20 (here) vs 10")
                .hasStackTraceContaining("camel.component.lark");
    }

    private List<Exchange> storm(String uri, IntFunction<String> receiver) {
        return storm(uri, STORM, receiver);
    }

    /** Sends {@code count} texts as fast as the producer takes them: each is handed over without waiting for the last. */
    private List<Exchange> storm(String uri, int count, IntFunction<String> receiver) {
        LarkEndpoint endpoint = context.getEndpoint(uri, LarkEndpoint.class);
        AsyncProducer producer;
        try {
            producer = endpoint.createAsyncProducer();
            producer.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<CompletableFuture<Exchange>> inFlight = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody("alert " + i);
            exchange.getMessage().setHeader(LarkConstants.RECEIVE_ID, receiver.apply(i));
            CompletableFuture<Exchange> done = new CompletableFuture<>();
            producer.process(exchange, doneSync -> done.complete(exchange));
            inFlight.add(done);
        }
        List<Exchange> sent = inFlight.stream().map(future -> future.orTimeout(60, TimeUnit.SECONDS).join()).toList();
        producer.stop();
        return sent;
    }

    /** The most requests the simulator received within any window of one second. */
    static int mostInAnyRollingSecond(List<RecordedRequest> requests) {
        List<Instant> times = requests.stream().map(RecordedRequest::time).sorted().toList();
        int most = 0;
        int from = 0;
        for (int to = 0; to < times.size(); to++) {
            while (!times.get(from).plusSeconds(1).isAfter(times.get(to))) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }
}
