package io.github.camellark.lark.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-neutral half of the events consumer: parse, classify, filter, order, dedupe, route, answer.
 * <ul>
 * <li>Challenges are answered with their challenge value.</li>
 * <li>{@code app_ticket} events (store apps) go to the ticket store; they reach the route only when {@code eventTypes}
 * names them.</li>
 * <li>Unknown shapes, unknown or filtered types, stale events ({@code maxEventAge}) and duplicates are acknowledged as
 * delivered: a failure would make Lark redeliver them for hours.</li>
 * <li>Each remaining event is handed once to a routing thread of this pipeline, in the order of its chat
 * ({@link OrderedDispatcher}), so that Lark can be answered by the deadline even when the route is slower: route
 * success answers success (card callbacks with the route's reply), route failure answers failure so that Lark
 * redelivers, and the deadline answers success while the route goes on. When the queues are full the event is
 * answered "overloaded" and Lark redelivers it later.</li>
 * </ul>
 * Threading contract for transports: {@link #process} is called from the transport's receiving thread (an event loop
 * may call it): it parses and queues, and never blocks. The idempotent repository (possibly a database) and the route
 * run on the routing thread.
 * <p>
 * Event ids are added to the idempotent repository right before routing (a copy arriving meanwhile is dropped),
 * confirmed on success and removed on failure, so that Lark's redelivery is routed.
 */
public final class DefaultEventPipeline extends ServiceSupport implements EventPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultEventPipeline.class);
    static final int ROUTING_THREADS = 10;

    private final CamelContext camelContext;
    private final EventRoute route;
    private final IdempotentRepository repository;
    private final ObjectMapper mapper;
    private final EventPipelineSettings settings;
    private final Set<String> eventTypes;
    private final BiConsumer<String, String> appTicketReceived;
    private final CallbackReplies replies;
    /** The deadline as messages show it, made once rather than per event. */
    private final String deadlineText;
    private final EventStatistics statistics = new EventStatistics();
    private final AtomicBoolean overloadReported = new AtomicBoolean();

    private volatile ExecutorService routing;
    private volatile ScheduledExecutorService sweeping;
    private volatile OrderedDispatcher dispatcher;
    private volatile DeadlineSweeper deadlines;

    /** @param appTicketReceived called with (app id, ticket) for every {@code app_ticket} event */
    public DefaultEventPipeline(CamelContext camelContext, EventRoute route, IdempotentRepository repository, ObjectMapper mapper,
                                EventPipelineSettings settings, BiConsumer<String, String> appTicketReceived) {
        this.camelContext = camelContext;
        this.route = route;
        this.repository = repository;
        this.mapper = mapper;
        this.settings = settings;
        String types = settings.eventTypes();
        this.eventTypes = types == null || types.isBlank() ? Set.of()
                : Arrays.stream(types.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        this.appTicketReceived = appTicketReceived;
        this.replies = new CallbackReplies(mapper);
        this.deadlineText = settings.deadline().toMillis() + " ms";
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Where this pipeline remembers the event ids it routed. */
    IdempotentRepository repository() {
        return repository;
    }

    /** Events acknowledged without routing because their create_time was older than maxEventAge. */
    public long staleEvents() {
        return statistics.staleEvents();
    }

    /** What this pipeline did with the events it was handed. */
    public EventStatistics statistics() {
        return statistics;
    }

    /** Events accepted and waiting for their chat's turn or a routing thread (not yet in their route). */
    public int queuedEvents() {
        OrderedDispatcher now = dispatcher;
        return now == null ? 0 : Math.max(0, now.pending() - statistics.eventsInRoute());
    }

    /** Whether this pipeline and the other may both route an event of some type. */
    boolean routesSomeTypeOf(DefaultEventPipeline other) {
        if (eventTypes.isEmpty() && other.eventTypes.isEmpty()) {
            return true;
        }
        return eventTypes.isEmpty() ? other.eventTypes.stream().anyMatch(this::routes) : eventTypes.stream().anyMatch(other::routes);
    }

    /** An empty filter routes every type but app_ticket, which is routed only when named. */
    private boolean routes(String eventType) {
        return eventTypes.isEmpty() ? !EventEnvelope.APP_TICKET_TYPE.equals(eventType) : eventTypes.contains(eventType);
    }

    @Override
    public boolean accepting() {
        OrderedDispatcher now = dispatcher;
        return now == null || now.hasRoom();
    }

    @Override
    public void onceAccepting(Runnable resume) {
        OrderedDispatcher now = dispatcher;
        if (now == null) {
            resume.run();
        } else {
            now.whenRoom(resume);
        }
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
    @Override
    public CompletableFuture<EventAck> process(EventEnvelope envelope) {
        switch (envelope.kind()) {
            case CHALLENGE:
                return CompletableFuture.completedFuture(EventAck.reply(replies.json(Map.of("challenge", String.valueOf(envelope.challenge())))));
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
            statistics.filtered();
            LOG.debug("Acknowledged event {} of type {} without routing it (not in eventTypes)", envelope.eventId(), envelope.eventType());
            return CompletableFuture.completedFuture(notRouted(envelope));
        }
        if (isStale(envelope)) {
            statistics.stale();
            LOG.debug("Acknowledged event {} without routing it: created {} ms ago, more than maxEventAge", envelope.eventId(),
                    settings.clock().millis() - Long.parseLong(envelope.createTime()));
            return CompletableFuture.completedFuture(notRouted(envelope));
        }
        return dispatch(envelope);
    }

    private void keepAppTicket(EventEnvelope envelope) {
        Object ticket = envelope.event().get("app_ticket");
        if (ticket instanceof String && envelope.appId() != null) {
            appTicketReceived.accept(envelope.appId(), (String) ticket);
            LOG.debug("Received the app_ticket of app {}", envelope.appId());
        }
    }

    /** create_time is milliseconds since the epoch; an event without one (legacy card callbacks) is never stale. */
    private boolean isStale(EventEnvelope envelope) {
        long maxAge = settings.maxEventAge().toMillis();
        if (maxAge <= 0 || envelope.createTime() == null) {
            return false;
        }
        try {
            return settings.clock().millis() - Long.parseLong(envelope.createTime()) > maxAge;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private CompletableFuture<EventAck> dispatch(EventEnvelope envelope) {
        OrderedDispatcher queues = dispatcher;
        DeadlineSweeper sweeper = deadlines;
        if (queues == null || sweeper == null) {
            LOG.debug("Stopping: event {} left for Lark to redeliver", envelope.eventId());
            statistics.refused(EventStatistics.STOPPING);
            return CompletableFuture.completedFuture(EventAck.failed());
        }
        CompletableFuture<EventAck> answer = new CompletableFuture<>();
        RoutedEvent event = new RoutedEvent(envelope, answer, route, repository, replies, deadlineText, statistics);
        if (!queues.submit(OrderingKey.of(envelope, settings.orderBy()), event)) {
            if (overloadReported.compareAndSet(false, true)) {
                LOG.warn("The lark:events consumer is full ({} events waiting for their chat or a routing thread): events are"
                         + " answered as not delivered and Lark redelivers them later", queues.pending());
                queues.whenRoom(() -> overloadReported.set(false));
            }
            statistics.refused(EventStatistics.OVERLOADED);
            return CompletableFuture.completedFuture(EventAck.overloaded());
        }
        sweeper.watch(answer, notRouted(envelope), envelope.eventId());
        return answer;
    }

    /** Acknowledgement of an event the route does not see (now or yet): callbacks answer "keep the card". */
    static EventAck notRouted(EventEnvelope envelope) {
        return envelope.kind().isCallback() ? EventAck.reply(EventAck.KEEP_CARD) : EventAck.delivered();
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(repository);
        ExecutorServiceManager executors = camelContext.getExecutorServiceManager();
        ThreadPoolProfile profile = new ThreadPoolProfile("LarkEvents");
        profile.setPoolSize(ROUTING_THREADS);
        profile.setMaxPoolSize(ROUTING_THREADS);
        // the dispatcher bounds what waits; the pool holds at most one task per chat with events
        profile.setMaxQueueSize(settings.maxPending());
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        routing = executors.newThreadPool(this, "LarkEvents", profile);
        dispatcher = new OrderedDispatcher(routing, settings.maxPendingPerKey(), settings.maxPending());
        DeadlineSweeper sweeper = new DeadlineSweeper(settings.deadline().toNanos(), System::nanoTime);
        deadlines = sweeper;
        sweeping = executors.newSingleThreadScheduledExecutor(this, "LarkEventDeadline");
        sweeping.scheduleWithFixedDelay(() -> sweeper.sweep(this::answeredAtDeadline), DeadlineSweeper.SWEEP_MILLIS,
                DeadlineSweeper.SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void answeredAtDeadline(String eventId) {
        LOG.debug("Event {} not routed to its end within {}; acknowledged it to Lark", eventId, deadlineText);
    }

    @Override
    protected void doStop() throws Exception {
        ExecutorServiceManager executors = camelContext.getExecutorServiceManager();
        dispatcher = null;
        if (routing != null) {
            // events already routed finish; those still waiting for their chat are answered so that Lark redelivers them
            executors.shutdownGraceful(routing);
            routing = null;
        }
        if (sweeping != null) {
            executors.shutdownNow(sweeping);
            sweeping = null;
        }
        deadlines = null;
        ServiceHelper.stopService(repository);
    }
}
