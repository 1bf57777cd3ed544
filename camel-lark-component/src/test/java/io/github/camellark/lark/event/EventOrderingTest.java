package io.github.camellark.lark.event;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.LarkEventOrder;
import io.github.camellark.lark.support.SampleEvents;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Per-chat order: the events of one chat reach the route one at a time, in the order the transport handed them over
 * (the order Lark sent them), while different chats are routed in parallel; a slow or failing event holds up its own
 * chat only, and full queues make Lark redeliver instead of growing memory.
 */
class EventOrderingTest extends CamelTestSupport {

    private static final String SLOW_CHAT = "oc_slow";

    private final Map<String, List<Integer>> routedByChat = new ConcurrentHashMap<>();
    private final Map<String, Boolean> chatsInRoute = new ConcurrentHashMap<>();
    private final AtomicInteger inRoute = new AtomicInteger();
    private final AtomicInteger mostInRoute = new AtomicInteger();
    private final AtomicBoolean sameChatTwiceInRoute = new AtomicBoolean();
    private final CountDownLatch slowChatReleased = new CountDownLatch(1);
    private final List<DefaultEventPipeline> pipelines = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:events").process(this::route);
            }

            private void route(Exchange exchange) throws Exception {
                String chat = exchange.getMessage().getHeader(LarkConstants.CHAT_ID, String.class);
                String eventId = exchange.getMessage().getHeader(LarkConstants.EVENT_ID, String.class);
                if (chatsInRoute.putIfAbsent(chat, Boolean.TRUE) != null) {
                    sameChatTwiceInRoute.set(true);
                }
                mostInRoute.accumulateAndGet(inRoute.incrementAndGet(), Math::max);
                try {
                    if (SLOW_CHAT.equals(chat)) {
                        slowChatReleased.await(10, TimeUnit.SECONDS);
                    } else {
                        Thread.sleep(1); // a little work, so that chats overlap
                    }
                    routedByChat.computeIfAbsent(chat, c -> new CopyOnWriteArrayList<>()).add(position(eventId));
                    if (eventId.startsWith("fail")) {
                        throw new IllegalStateException("this event fails in the route");
                    }
                } finally {
                    inRoute.decrementAndGet();
                    chatsInRoute.remove(chat);
                }
            }
        };
    }

    @AfterEach
    void stopPipelines() {
        slowChatReleased.countDown();
        pipelines.forEach(ServiceHelper::stopService);
    }

    private DefaultEventPipeline start(EventPipelineSettings settings) throws Exception {
        AsyncProcessor route = AsyncProcessorConverterHelper.convert(context.getEndpoint("direct:events").createProducer());
        ServiceHelper.startService(route);
        ExceptionHandler quiet = new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
            }

            @Override
            public void handleException(String message, Throwable exception) {
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
            }
        };
        DefaultEventPipeline pipeline = new DefaultEventPipeline(context, EventRoute.of(() -> new DefaultExchange(context), route, quiet),
                new TimeBoundedIdempotentRepository(), new ObjectMapper(), settings, (app, ticket) -> {
                });
        ServiceHelper.startService(pipeline);
        pipelines.add(pipeline);
        return pipeline;
    }

    private static EventPipelineSettings settings() {
        return EventPipelineSettings.of(null, Duration.ofSeconds(2));
    }

    /** The event id "chat-position" (or "fail-chat-position"): its position in its chat is the last part. */
    private static int position(String eventId) {
        return Integer.parseInt(eventId.substring(eventId.lastIndexOf('-') + 1));
    }

    private static CompletableFuture<EventAck> send(EventPipeline pipeline, String eventId, String chat) {
        return pipeline.process(SampleEvents.messageInChat(eventId, chat, "hi").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void thousandEventsOverTwentyChatsArriveInOrderPerChatAndChatsRunInParallel() throws Exception {
        DefaultEventPipeline pipeline = start(settings());
        List<CompletableFuture<EventAck>> answers = new ArrayList<>();

        // one thread hands the events over, as a socket does, chats interleaved
        for (int i = 0; i < 1000; i++) {
            String chat = "oc_chat" + (i % 20);
            answers.add(send(pipeline, chat + "-" + i / 20, chat));
        }

        for (CompletableFuture<EventAck> answer : answers) {
            assertThat(answer.get(20, TimeUnit.SECONDS).success()).isTrue();
        }
        assertThat(routedByChat).hasSize(20);
        routedByChat.forEach((chat, positions) -> assertThat(positions).as("positions routed in " + chat)
                .containsExactlyElementsOf(IntStream.range(0, 50).boxed().toList()));
        assertThat(sameChatTwiceInRoute).as("two events of one chat in the route at once").isFalse();
        assertThat(mostInRoute.get()).as("events of different chats in the route at once").isGreaterThan(1);
    }

    @Test
    void aSlowChatDoesNotHoldUpTheOthers() throws Exception {
        DefaultEventPipeline pipeline = start(settings());
        CompletableFuture<EventAck> slowFirst = send(pipeline, SLOW_CHAT + "-0", SLOW_CHAT);
        CompletableFuture<EventAck> slowSecond = send(pipeline, SLOW_CHAT + "-1", SLOW_CHAT);
        List<CompletableFuture<EventAck>> others = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            others.add(send(pipeline, "oc_fast" + i % 5 + "-" + i / 5, "oc_fast" + i % 5));
        }

        for (CompletableFuture<EventAck> answer : others) {
            assertThat(answer.get(10, TimeUnit.SECONDS).success()).isTrue();
        }
        assertThat(routedByChat).doesNotContainKey(SLOW_CHAT).hasSize(5);
        assertThat(slowSecond).as("the second event of the slow chat waits for the first").isNotDone();

        slowChatReleased.countDown();
        assertThat(slowFirst.get(10, TimeUnit.SECONDS).success()).isTrue();
        assertThat(slowSecond.get(10, TimeUnit.SECONDS).success()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> routedByChat.getOrDefault(SLOW_CHAT, List.of()).size() == 2);
        assertThat(routedByChat.get(SLOW_CHAT)).containsExactly(0, 1);
    }

    @Test
    void aFailingEventIsAnsweredForRedeliveryAndTheNextEventOfItsChatGoesOn() throws Exception {
        DefaultEventPipeline pipeline = start(settings());

        CompletableFuture<EventAck> failing = send(pipeline, "fail-oc_a-0", "oc_a");
        CompletableFuture<EventAck> next = send(pipeline, "oc_a-1", "oc_a");

        assertThat(failing.get(10, TimeUnit.SECONDS).success()).isFalse();
        assertThat(next.get(10, TimeUnit.SECONDS).success()).isTrue();
        assertThat(routedByChat.get("oc_a")).containsExactly(0, 1);
    }

    @Test
    void orderByNoneRoutesEventsOfOneChatInParallel() throws Exception {
        DefaultEventPipeline pipeline = start(settings().withOrderBy(LarkEventOrder.none));
        List<CompletableFuture<EventAck>> answers = new ArrayList<>();

        for (int i = 0; i < 200; i++) {
            answers.add(send(pipeline, "oc_one-" + i, "oc_one"));
        }

        for (CompletableFuture<EventAck> answer : answers) {
            assertThat(answer.get(20, TimeUnit.SECONDS).success()).isTrue();
        }
        assertThat(sameChatTwiceInRoute).as("two events of one chat in the route at once").isTrue();
    }

    @Test
    void aFullChatIsAnsweredOverloadedAndLarkRedeliversLater() throws Exception {
        DefaultEventPipeline pipeline = start(settings().withBounds(2, 100));
        send(pipeline, SLOW_CHAT + "-0", SLOW_CHAT);
        send(pipeline, SLOW_CHAT + "-1", SLOW_CHAT);

        EventAck third = send(pipeline, SLOW_CHAT + "-2", SLOW_CHAT).get(5, TimeUnit.SECONDS);

        assertThat(third.success()).isFalse();
        assertThat(third.busy()).isTrue();
        assertThat(send(pipeline, "oc_other-0", "oc_other").get(5, TimeUnit.SECONDS).success()).as("other chats go on").isTrue();
        assertThat(pipeline.accepting()).isTrue();
    }

    @Test
    void fullQueuesTellTheTransportToPauseAndWhenToResume() throws Exception {
        DefaultEventPipeline pipeline = start(settings().withBounds(10, 3));
        for (int i = 0; i < 3; i++) {
            send(pipeline, SLOW_CHAT + "-" + i, SLOW_CHAT);
        }
        CountDownLatch resumed = new CountDownLatch(1);

        assertThat(pipeline.accepting()).isFalse();
        assertThat(send(pipeline, "oc_other-0", "oc_other").get(5, TimeUnit.SECONDS).busy()).isTrue();
        pipeline.onceAccepting(resumed::countDown);
        assertThat(resumed.getCount()).isOne();

        slowChatReleased.countDown();
        assertThat(resumed.await(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(pipeline::accepting);
    }
}
