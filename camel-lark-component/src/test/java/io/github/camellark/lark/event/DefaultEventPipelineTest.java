package io.github.camellark.lark.event;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.support.LogCapture;
import io.github.camellark.lark.support.SampleEvents;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.LoggingExceptionHandler;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline as a transport sees it (the WebSocket transport calls exactly this): plaintext bytes in, an
 * acknowledgement out. Whatever Lark sends, the answer is never a failure unless the route failed.
 */
class DefaultEventPipelineTest extends CamelTestSupport {

    private final Map<String, String> tickets = new ConcurrentHashMap<>();
    private DefaultEventPipeline pipeline;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:events").to("mock:events")
                        .filter(header(LarkConstants.EVENT_ID).startsWith("fail"))
                        .throwException(new IllegalStateException("route failed"))
                        .end()
                        .filter(header(LarkConstants.EVENT_TYPE).isEqualTo("card.action.trigger"))
                        .setBody(constant("{\"toast\":{\"type\":\"info\",\"content\":\"hi\"}}"));
            }
        };
    }

    private DefaultEventPipeline start(String eventTypes) throws Exception {
        return start(EventPipelineSettings.of(eventTypes, Duration.ofSeconds(2)), new TimeBoundedIdempotentRepository());
    }

    private DefaultEventPipeline start(EventPipelineSettings settings, IdempotentRepository repository) throws Exception {
        AsyncProcessor route = AsyncProcessorConverterHelper.convert(context.getEndpoint("direct:events").createProducer());
        ServiceHelper.startService(route);
        ExceptionHandler handler = new LoggingExceptionHandler(context, getClass());
        pipeline = new DefaultEventPipeline(context, EventRoute.of(() -> new DefaultExchange(context), route, handler),
                repository, new ObjectMapper(), settings, tickets::put);
        ServiceHelper.startService(pipeline);
        return pipeline;
    }

    @AfterEach
    void stopPipeline() {
        ServiceHelper.stopService(pipeline);
    }

    private EventAck process(String json) throws Exception {
        return pipeline.process(json.getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
    }

    @Test
    void routedEventIsAcknowledgedAsDelivered() throws Exception {
        start(null);
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(1);

        EventAck ack = process(SampleEvents.messageReceived("ev-1", "", "hi"));

        assertThat(ack.success()).isTrue();
        assertThat(ack.callbackBody()).isNull();
        mock.assertIsSatisfied();
    }

    @Test
    void failedRouteIsAcknowledgedAsFailedAndTheRedeliveryIsRoutedAgain() throws Exception {
        start(null);
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(2);

        assertThat(process(SampleEvents.messageReceived("fail-1", "", "hi")).success()).isFalse();
        assertThat(process(SampleEvents.messageReceived("fail-1", "", "hi")).success()).isFalse();

        mock.assertIsSatisfied();
    }

    @Test
    void whateverElseLarkSendsIsAcknowledgedWithoutRouting() throws Exception {
        start("im.message.receive_v1");

        assertThat(process("not json at all").success()).isTrue();
        assertThat(process("{\"unknown\":true}").success()).isTrue();
        assertThat(process(SampleEvents.event("ev-2", "im.chat.disbanded_v1", "")).success()).isTrue();
        assertThat(process("{\"schema\":\"2.0\",\"header\":{\"event_id\":\"ev-3\"},\"event\":{}}").success()).isTrue();

        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isZero();
    }

    @Test
    void cardCallbackIsAnsweredWithTheRoutesReply() throws Exception {
        start(null);

        EventAck ack = process(SampleEvents.cardAction("card-1", "", "c-1"));

        assertThat(ack.success()).isTrue();
        assertThat(new String(ack.callbackBody(), StandardCharsets.UTF_8)).isEqualTo("{\"toast\":{\"type\":\"info\",\"content\":\"hi\"}}");
    }

    @Test
    void appTicketIsKeptForTheTokenLayerAndNotRoutedUnlessAskedFor() throws Exception {
        start(null);

        assertThat(process(SampleEvents.appTicket("u-1", "", "cli_store", "ticket-1")).success()).isTrue();

        assertThat(tickets).containsEntry("cli_store", "ticket-1");
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isZero();
    }

    @Test
    void appTicketIsRoutedWhenEventTypesNameIt() throws Exception {
        start("app_ticket");
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(1);

        assertThat(process(SampleEvents.appTicket("u-2", "", "cli_store", "ticket-2")).success()).isTrue();

        mock.assertIsSatisfied();
        assertThat(tickets).containsEntry("cli_store", "ticket-2");
    }

    @Test
    void stoppedPipelineLetsLarkRedeliverLater() throws Exception {
        start(null);
        ServiceHelper.stopService(pipeline);

        assertThat(process(SampleEvents.messageReceived("ev-4", "", "hi")).success()).isFalse();

        ServiceHelper.startService(pipeline);
        assertThat(process(SampleEvents.messageReceived("ev-4", "", "hi")).success()).as("not remembered as seen").isTrue();
    }

    @Test
    void eventOlderThanMaxEventAgeIsAcknowledgedCountedAndNotRouted() throws Exception {
        Instant created = Instant.ofEpochMilli(SampleEvents.CREATED);
        Clock halfAnHourAndAMinuteLater = Clock.fixed(created.plus(Duration.ofMinutes(31)), ZoneOffset.UTC);
        start(EventPipelineSettings.of(null, Duration.ofSeconds(2)).withMaxEventAge(Duration.ofMinutes(30), halfAnHourAndAMinuteLater),
                new TimeBoundedIdempotentRepository());

        assertThat(process(SampleEvents.messageReceived("ev-stale", "", "hi")).success()).isTrue();

        assertThat(pipeline.staleEvents()).isOne();
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isZero();
    }

    @Test
    void eventYoungerThanMaxEventAgeIsRouted() throws Exception {
        Clock twentyNineMinutesLater = Clock.fixed(Instant.ofEpochMilli(SampleEvents.CREATED).plus(Duration.ofMinutes(29)), ZoneOffset.UTC);
        start(EventPipelineSettings.of(null, Duration.ofSeconds(2)).withMaxEventAge(Duration.ofMinutes(30), twentyNineMinutesLater),
                new TimeBoundedIdempotentRepository());
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(1);

        assertThat(process(SampleEvents.messageReceived("ev-fresh", "", "hi")).success()).isTrue();

        mock.assertIsSatisfied();
        assertThat(pipeline.staleEvents()).isZero();
    }

    @Test
    void repositoryRefusingAConcurrentCopyWithAnExceptionMeansAlreadySeen() throws Exception {
        // what a JDBC repository does when another instance inserted the same id a moment earlier
        IdempotentRepository lostTheRace = new MemoryIdempotentRepository() {
            @Override
            public boolean add(String key) {
                super.add(key);
                throw new IllegalStateException("duplicate key value violates unique constraint");
            }
        };
        start(EventPipelineSettings.of(null, Duration.ofSeconds(2)), lostTheRace);

        assertThat(process(SampleEvents.messageReceived("ev-race", "", "hi")).success()).isTrue();

        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isZero();
        assertThat(LogCapture.linesContaining("duplicate key")).as("log lines about the refused copy").isEmpty();
    }

    @Test
    void repositoryFailingWithoutHoldingTheIdLetsLarkRedeliver() throws Exception {
        IdempotentRepository down = new MemoryIdempotentRepository() {
            @Override
            public boolean add(String key) {
                throw new IllegalStateException("database down");
            }
        };
        start(EventPipelineSettings.of(null, Duration.ofSeconds(2)), down);

        assertThat(process(SampleEvents.messageReceived("ev-down", "", "hi")).success()).isFalse();

        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isZero();
        assertThat(LogCapture.linesContaining("could not record event ev-down")).hasSize(1);
    }

    @Test
    void routeFailingAfterTheDeadlineAnsweredIsReportedNamingTheDeadline() throws Exception {
        CountDownLatch larkAnswered = new CountDownLatch(1);
        AsyncProcessor slowThenFailing = AsyncProcessorConverterHelper.convert(exchange -> {
            larkAnswered.await(5, TimeUnit.SECONDS);
            throw new IllegalStateException("route failed late");
        });
        List<String> reported = new CopyOnWriteArrayList<>();
        ExceptionHandler handler = new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                handleException(null, exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                reported.add(message);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                reported.add(message);
            }
        };
        pipeline = new DefaultEventPipeline(context, EventRoute.of(() -> new DefaultExchange(context), slowThenFailing, handler),
                new TimeBoundedIdempotentRepository(), new ObjectMapper(), EventPipelineSettings.of(null, Duration.ofMillis(100)),
                tickets::put);
        ServiceHelper.startService(pipeline);

        EventAck ack = process(SampleEvents.messageReceived("ev-late", "", "hi"));
        larkAnswered.countDown();

        assertThat(ack.success()).as("answered at the deadline while the route goes on").isTrue();
        await().atMost(5, TimeUnit.SECONDS).until(() -> !reported.isEmpty());
        assertThat(reported).containsExactly(
                "Event ev-late failed in the route after Lark was answered (deadline 100 ms); Lark will not redeliver it");
    }

    @Test
    void aRouteThatCallsBackAndThenThrowsFinishesItsEventOnce() throws Exception {
        AsyncProcessor callsBackThenThrows = new AsyncProcessor() {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                callback.done(true);
                throw new IllegalStateException("thrown after the callback");
            }

            @Override
            public CompletableFuture<Exchange> processAsync(Exchange exchange) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void process(Exchange exchange) {
                throw new UnsupportedOperationException();
            }
        };
        pipeline = new DefaultEventPipeline(context, EventRoute.of(() -> new DefaultExchange(context), callsBackThenThrows,
                new LoggingExceptionHandler(context, getClass())), new TimeBoundedIdempotentRepository(), new ObjectMapper(),
                EventPipelineSettings.of(null, Duration.ofSeconds(2)), tickets::put);
        ServiceHelper.startService(pipeline);

        EventAck first = process(SampleEvents.messageInChat("ev-twice-1", "oc_one", "a"));
        await().atMost(5, TimeUnit.SECONDS).until(() -> pipeline.queuedEvents() == 0);
        EventAck redelivered = process(SampleEvents.messageInChat("ev-twice-1", "oc_one", "a"));

        assertThat(first.success()).isTrue();
        assertThat(redelivered.success()).isTrue();
        // finishing twice would have counted the throw as a route failure and forgotten the id: the copy routed again
        assertThat(pipeline.statistics().duplicateEvents()).as("the redelivery is a duplicate").isEqualTo(1);
        assertThat(pipeline.statistics().routedEvents()).isEqualTo(1);
    }
}
