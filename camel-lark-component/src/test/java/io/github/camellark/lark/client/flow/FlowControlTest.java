package io.github.camellark.lark.client.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.client.LarkClient;
import io.github.camellark.lark.client.http.FrameSocket;
import io.github.camellark.lark.client.http.Headers;
import io.github.camellark.lark.client.http.HttpCall;
import io.github.camellark.lark.client.http.HttpReply;
import io.github.camellark.lark.client.http.HttpTransport;
import io.github.camellark.lark.client.http.SocketRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of flow control, on a clock and timers the test moves by hand. */
class FlowControlTest {

    private final ManualTimers timers = new ManualTimers();

    private FlowControl flow(int appPerSecond, int receiverPerSecond, Duration maxWait, int maxQueued) {
        return new FlowControl("cli_test", new FlowLimits(appPerSecond, 1000, receiverPerSecond, maxWait, maxQueued), timers,
                () -> timers.now);
    }

    @Test
    void callsWithinTheLimitGoAtOnceAndTheNextWaitsOneWindowAfterTheOldestAnswer() {
        FlowControl flow = flow(50, 2, Duration.ofSeconds(30), 100);
        Permit first = flow.admit(null, "oc_room", true).join();
        Permit second = flow.admit(null, "oc_room", true).join();
        CompletableFuture<Permit> third = flow.admit(null, "oc_room", true);
        assertThat(third).isNotDone();

        timers.advanceMillis(100);
        first.answered(Headers.EMPTY, 200, 0);
        second.answered(Headers.EMPTY, 200, 0);
        timers.advanceMillis(999);
        assertThat(third).as("still within one second of the first answer").isNotDone();
        timers.advanceMillis(1);
        assertThat(third).isCompleted();
        assertThat(third.join().waitedNanos()).isEqualTo(Duration.ofMillis(1100).toNanos());
    }

    @Test
    void noBurstAtTheEdgeOfASecondAsATokenBucketWouldAllow() {
        FlowControl flow = flow(50, 5, Duration.ofSeconds(30), 100);
        timers.advanceMillis(990);
        for (int i = 0; i < 5; i++) {
            flow.admit(null, "oc_room", true).join().answered(Headers.EMPTY, 200, 0);
        }
        timers.advanceMillis(20); // a new calendar second
        assertThat(flow.admit(null, "oc_room", true)).as("a sixth call within the rolling second").isNotDone();
    }

    @Test
    void aCallThatCannotGoWithinMaxWaitFailsNamingTheLimitAndTheReceiver() {
        FlowControl flow = flow(50, 1, Duration.ofMillis(500), 100);
        flow.admit(null, "oc_room", true).join(); // never answered: its place stays taken
        CompletableFuture<Permit> waiting = flow.admit(null, "oc_room", true);

        timers.advanceMillis(500);

        assertThat(waiting).isCompletedExceptionally();
        assertThat(failure(waiting)).isInstanceOf(FlowControlException.class)
                .hasMessageContaining("500 ms (flowControlMaxWait)").hasMessageContaining("1 calls per second to receiver oc_room")
                .hasMessageContaining("not sent");
        assertThat(flow.refused()).isEqualTo(1);
        assertThat(flow.queued()).isZero();
    }

    @Test
    void theLineIsBoundedAndACallPastItFailsAtOnce() {
        FlowControl flow = flow(50, 1, Duration.ofSeconds(30), 1);
        flow.admit(null, "oc_room", true).join();
        CompletableFuture<Permit> queued = flow.admit(null, "oc_room", true);
        CompletableFuture<Permit> refused = flow.admit(null, "oc_other_room", true).thenCompose(p -> flow.admit(null, "oc_room", true));

        assertThat(queued).isNotDone();
        assertThat(failure(refused)).isInstanceOf(FlowControlException.class)
                .hasMessageContaining("1 calls of app cli_test already wait").hasMessageContaining("flowControlMaxQueued")
                .hasMessageContaining("receiver oc_room");
    }

    @Test
    void theAppLimitHoldsOverAllReceivers() {
        FlowControl flow = flow(3, 5, Duration.ofSeconds(30), 100);
        List<CompletableFuture<Permit>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(flow.admit(null, "oc_room_" + i, true));
        }
        assertThat(calls.subList(0, 3)).allMatch(CompletableFuture::isDone);
        assertThat(calls.get(3)).isNotDone();
        calls.get(0).join().answered(Headers.EMPTY, 200, 0);
        timers.advanceMillis(1000);
        assertThat(calls.get(3)).isCompleted();
    }

    @Test
    void larksResetHeaderPausesTheAppAndItsLimitHeaderLowersIt() {
        FlowControl flow = flow(50, 5, Duration.ofSeconds(30), 100);
        flow.admit(null, null, true).join().answered(Headers.of(List.of(Map.entry("x-ogw-ratelimit-limit", "2"),
                Map.entry("x-ogw-ratelimit-reset", "3"))), 429, 99991400);

        CompletableFuture<Permit> paused = flow.admit(null, null, true);
        timers.advanceMillis(2999);
        assertThat(paused).isNotDone();
        timers.advanceMillis(1);
        assertThat(paused).isCompleted();
        flow.admit(null, null, true);
        assertThat(flow.admit(null, null, true)).as("Lark's limit of 2 a second, two calls in flight").isNotDone();
        assertThat(flow.throttledByLark()).isEqualTo(1);
    }

    @Test
    void aChatLimitRefusalPausesOnlyThatChat() {
        FlowControl flow = flow(50, 5, Duration.ofSeconds(30), 100);
        flow.admit(null, "oc_busy", true).join().answered(Headers.EMPTY, 400, 230020);

        assertThat(flow.admit(null, "oc_busy", true)).isNotDone();
        assertThat(flow.admit(null, "oc_quiet", true)).isCompleted();
    }

    @Test
    void callsOutsideTheImApisWithoutAReceiverAreNotCounted() {
        FlowControl flow = flow(1, 1, Duration.ofSeconds(30), 100);
        flow.admit(null, null, true).join();
        assertThat(flow.admit(null, null, false)).isCompleted();
        assertThat(flow.admit(null, null, false).join()).isSameAs(Permit.NONE);
    }

    @Test
    void tenantsOfAStoreAppHaveTheirOwnAppLimit() {
        FlowControl flow = flow(1, 5, Duration.ofSeconds(30), 100);
        flow.admit("tenant-a", null, true).join();
        assertThat(flow.admit("tenant-a", null, true)).isNotDone();
        assertThat(flow.admit("tenant-b", null, true)).isCompleted();
    }

    @Test
    void receiversWithoutCallsForAWindowAreForgotten() {
        FlowControl flow = flow(10_000, 5, Duration.ofSeconds(30), 100);
        for (int i = 0; i < 1000; i++) {
            flow.admit(null, "oc_" + i, true).join().answered(Headers.EMPTY, 200, 0);
        }
        assertThat(flow.saturation()).containsEntry("lark.flowControl.receivers", 1000);
        timers.advanceMillis(11_000);
        flow.admit(null, "oc_new", true);
        assertThat(flow.saturation()).containsEntry("lark.flowControl.receivers", 1);
    }

    private static Throwable failure(CompletableFuture<Permit> call) {
        return call.handle((permit, failure) -> LarkClient.unwrap(failure)).join();
    }

    /** Timers that run when the test moves the clock; the clock is in nanoseconds. */
    static final class ManualTimers implements HttpTransport {
        long now = 1_000_000_000L;
        private final List<Task> tasks = new ArrayList<>();

        private record Task(long due, Runnable run, boolean[] cancelled) {
        }

        void advanceMillis(long millis) {
            long until = now + millis * 1_000_000L;
            while (true) {
                Task next;
                synchronized (this) {
                    next = tasks.stream().filter(t -> t.due() <= until).min(Comparator.comparingLong(Task::due)).orElse(null);
                    if (next == null) {
                        break;
                    }
                    tasks.remove(next);
                }
                now = Math.max(now, next.due());
                if (!next.cancelled()[0]) {
                    next.run().run();
                }
            }
            now = until;
        }

        @Override
        public synchronized Timer schedule(long delayMillis, Runnable task) {
            boolean[] cancelled = {false};
            tasks.add(new Task(now + delayMillis * 1_000_000L, task, cancelled));
            return () -> cancelled[0] = true;
        }

        @Override
        public CompletableFuture<HttpReply> exchange(HttpCall call) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<FrameSocket> dial(SocketRequest request, FrameSocket.Listener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
