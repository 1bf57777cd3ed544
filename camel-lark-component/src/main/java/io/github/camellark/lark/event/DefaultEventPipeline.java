package io.github.camellark.lark.event;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-neutral half of the events consumer: parse, classify, filter, dedupe, route, answer.
 * <ul>
 * <li>Challenges are answered with their challenge value.</li>
 * <li>{@code app_ticket} events (store apps) go to the ticket store; they reach the route only when {@code eventTypes}
 * names them.</li>
 * <li>Unknown shapes, unknown or filtered types and duplicates are acknowledged as delivered: a failure would make Lark
 * redeliver them for hours.</li>
 * <li>Each remaining event is routed on a thread of this pipeline, so that Lark can be answered by the deadline even
 * when the route is slower: route success answers success (card callbacks with the route's reply), route failure
 * answers failure so that Lark redelivers, and the deadline answers success while the route goes on.</li>
 * </ul>
 * Event ids are added to the idempotent repository before routing (a duplicate arriving while the first copy is still
 * routed is dropped), confirmed on success and removed on failure, so that Lark's redelivery is routed.
 */
public final class DefaultEventPipeline extends ServiceSupport implements EventPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultEventPipeline.class);
    private static final byte[] EMPTY_CALLBACK_REPLY = "{}".getBytes(StandardCharsets.UTF_8);
    static final int ROUTING_THREADS = 10;
    static final int ROUTING_QUEUE = 10_000;

    private final CamelContext camelContext;
    private final EventRoute route;
    private final IdempotentRepository repository;
    private final ObjectMapper mapper;
    private final Set<String> eventTypes;
    private final Duration deadline;
    private final BiConsumer<String, String> appTicketReceived;

    private volatile ExecutorService routing;
    private volatile ScheduledExecutorService deadlines;

    /**
     * @param eventTypes        comma-separated types to route; null or blank for all
     * @param appTicketReceived called with (app id, ticket) for every {@code app_ticket} event
     */
    public DefaultEventPipeline(CamelContext camelContext, EventRoute route, IdempotentRepository repository, ObjectMapper mapper,
                                String eventTypes, Duration deadline, BiConsumer<String, String> appTicketReceived) {
        this.camelContext = camelContext;
        this.route = route;
        this.repository = repository;
        this.mapper = mapper;
        this.eventTypes = eventTypes == null || eventTypes.isBlank() ? Set.of()
                : Arrays.stream(eventTypes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        this.deadline = deadline;
        this.appTicketReceived = appTicketReceived;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    @Override
    public CompletableFuture<EventAck> process(byte[] envelope) {
        EventEnvelope parsed;
        try {
            parsed = EventEnvelope.parse(envelope, mapper);
        } catch (IllegalArgumentException e) {
            LOG.warn("Dropped an event Lark sent: {}", e.getMessage());
            return CompletableFuture.completedFuture(EventAck.delivered());
        }
        return process(parsed);
    }

    /** Processes an envelope the transport already parsed (and authenticated). */
    public CompletableFuture<EventAck> process(EventEnvelope envelope) {
        switch (envelope.kind()) {
            case CHALLENGE:
                return CompletableFuture.completedFuture(EventAck.reply(json(Map.of("challenge", String.valueOf(envelope.challenge())))));
            case UNKNOWN:
                LOG.debug("Acknowledged a body of no known event shape without routing it");
                return CompletableFuture.completedFuture(EventAck.delivered());
            default:
                break;
        }
        if (EventEnvelope.APP_TICKET_TYPE.equals(envelope.eventType())) {
            keepAppTicket(envelope);
            if (!eventTypes.contains(EventEnvelope.APP_TICKET_TYPE)) {
                return CompletableFuture.completedFuture(EventAck.delivered());
            }
        }
        if (envelope.eventType() == null || !(eventTypes.isEmpty() || eventTypes.contains(envelope.eventType()))) {
            LOG.debug("Acknowledged event {} of type {} without routing it (not in eventTypes)", envelope.eventId(), envelope.eventType());
            return CompletableFuture.completedFuture(notRouted(envelope));
        }
        String key = envelope.eventId();
        if (key != null && !repository.add(key)) {
            LOG.debug("Acknowledged duplicate event {} without routing it", key);
            return CompletableFuture.completedFuture(notRouted(envelope));
        }
        return route(envelope, key);
    }

    private void keepAppTicket(EventEnvelope envelope) {
        Object ticket = envelope.event().get("app_ticket");
        if (ticket instanceof String && envelope.appId() != null) {
            appTicketReceived.accept(envelope.appId(), (String) ticket);
            LOG.debug("Received the app_ticket of app {}", envelope.appId());
        }
    }

    private CompletableFuture<EventAck> route(EventEnvelope envelope, String key) {
        CompletableFuture<EventAck> answer = new CompletableFuture<>();
        Exchange exchange = route.createExchange();
        EventExchanges.fill(exchange, envelope);
        ExecutorService routingNow = routing;
        ScheduledExecutorService deadlinesNow = deadlines;
        ScheduledFuture<?> timer = null;
        try {
            if (routingNow == null || deadlinesNow == null) {
                throw new RejectedExecutionException("the consumer is stopped");
            }
            timer = scheduleDeadline(deadlinesNow, envelope, answer);
            ScheduledFuture<?> deadlineTimer = timer;
            routingNow.execute(() -> routeNow(envelope, key, exchange, answer, deadlineTimer));
        } catch (RejectedExecutionException e) {
            // overloaded or stopping: let Lark redeliver later
            if (timer != null) {
                timer.cancel(false);
            }
            forget(key);
            route.release(exchange);
            LOG.warn("Could not route event {} now; Lark will redeliver it", key);
            answer.complete(EventAck.failed());
        }
        return answer;
    }

    private void routeNow(EventEnvelope envelope, String key, Exchange exchange, CompletableFuture<EventAck> answer,
                          ScheduledFuture<?> timer) {
        try {
            route.processor().process(exchange, doneSync -> finished(envelope, key, exchange, answer, timer));
        } catch (RuntimeException e) {
            exchange.setException(e);
            finished(envelope, key, exchange, answer, timer);
        }
    }

    private ScheduledFuture<?> scheduleDeadline(ScheduledExecutorService deadlines, EventEnvelope envelope,
                                                CompletableFuture<EventAck> answer) {
        return deadlines.schedule(() -> {
            if (answer.complete(notRouted(envelope))) {
                LOG.debug("Event {} still in the route after {}; acknowledged it to Lark", envelope.eventId(), deadline);
            }
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void finished(EventEnvelope envelope, String key, Exchange exchange, CompletableFuture<EventAck> answer,
                          ScheduledFuture<?> timer) {
        timer.cancel(false);
        try {
            EventAck ack = exchange.getException() == null && !exchange.isRollbackOnly()
                    ? delivered(envelope, exchange) : EventAck.failed();
            if (ack.success()) {
                if (key != null) {
                    repository.confirm(key);
                }
            } else {
                forget(key);
            }
            boolean inTime = answer.complete(ack);
            Throwable failure = exchange.getException();
            if (failure != null) {
                route.exceptionHandler().handleException(inTime
                        ? "Event " + key + " failed in the route; Lark was answered with a failure and will redeliver it"
                        : "Event " + key + " failed in the route after Lark was answered (deadline " + deadline
                          + "); Lark will not redeliver it",
                        exchange, failure);
            }
        } finally {
            route.release(exchange);
        }
    }

    /** The answer after a successful route: card callbacks carry the route's reply. */
    private EventAck delivered(EventEnvelope envelope, Exchange exchange) {
        if (!envelope.kind().isCallback()) {
            return EventAck.delivered();
        }
        try {
            return EventAck.reply(callbackReply(envelope, exchange.getMessage().getBody()));
        } catch (RuntimeException e) {
            exchange.setException(e);
            return EventAck.failed();
        }
    }

    /**
     * The route's reply to a card callback: a Map (or any object) becomes JSON, a String or byte[] must already be JSON.
     * No reply, or the unchanged event, means "keep the card as it is".
     */
    private byte[] callbackReply(EventEnvelope envelope, Object body) {
        if (body == null || body == envelope.event()) {
            return EMPTY_CALLBACK_REPLY;
        }
        if (body instanceof byte[] || body instanceof String) {
            byte[] bytes = body instanceof String ? ((String) body).getBytes(StandardCharsets.UTF_8) : (byte[]) body;
            try {
                mapper.readTree(bytes);
            } catch (java.io.IOException | RuntimeException e) {
                throw new IllegalArgumentException("The reply to a card callback must be JSON ({toast, card}), got text that is not JSON");
            }
            return bytes;
        }
        return json(body);
    }

    /** Acknowledgement of an event the route does not see (now or yet): callbacks answer "keep the card". */
    private static EventAck notRouted(EventEnvelope envelope) {
        return envelope.kind().isCallback() ? EventAck.reply(EMPTY_CALLBACK_REPLY) : EventAck.delivered();
    }

    private void forget(String key) {
        if (key != null) {
            repository.remove(key);
        }
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("The reply to a card callback cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(repository);
        ExecutorServiceManager executors = camelContext.getExecutorServiceManager();
        ThreadPoolProfile profile = new ThreadPoolProfile("LarkEvents");
        profile.setPoolSize(ROUTING_THREADS);
        profile.setMaxPoolSize(ROUTING_THREADS);
        profile.setMaxQueueSize(ROUTING_QUEUE);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        routing = executors.newThreadPool(this, "LarkEvents", profile);
        deadlines = executors.newSingleThreadScheduledExecutor(this, "LarkEventDeadline");
    }

    @Override
    protected void doStop() throws Exception {
        ExecutorServiceManager executors = camelContext.getExecutorServiceManager();
        if (routing != null) {
            // events already accepted are routed before the route stops
            executors.shutdownGraceful(routing);
            routing = null;
        }
        if (deadlines != null) {
            executors.shutdownNow(deadlines);
            deadlines = null;
        }
        ServiceHelper.stopService(repository);
    }
}
