package io.github.camellark.lark.event;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event on its routing thread: claims its id in the idempotent repository, routes it, and answers Lark from the
 * route's outcome (unless the deadline answered first). Runs once, as a task of the {@link OrderedDispatcher}: the
 * next event of its chat starts when this one calls {@code done}.
 */
final class RoutedEvent implements OrderedDispatcher.Task {

    private static final Logger LOG = LoggerFactory.getLogger(RoutedEvent.class);

    private final EventEnvelope envelope;
    private final CompletableFuture<EventAck> answer;
    private final EventRoute route;
    private final IdempotentRepository repository;
    private final CallbackReplies replies;
    private final String deadline;
    private final EventStatistics statistics;

    RoutedEvent(EventEnvelope envelope, CompletableFuture<EventAck> answer, EventRoute route, IdempotentRepository repository,
                CallbackReplies replies, String deadline, EventStatistics statistics) {
        this.statistics = statistics;
        this.envelope = envelope;
        this.answer = answer;
        this.route = route;
        this.repository = repository;
        this.replies = replies;
        this.deadline = deadline;
    }

    @Override
    public void run(Runnable done) {
        String key = envelope.eventId();
        Claim claim = key == null ? Claim.FIRST : claim(key);
        if (claim != Claim.FIRST) {
            if (claim == Claim.SEEN) {
                statistics.duplicate();
            } else {
                statistics.refused(EventStatistics.REPOSITORY_FAILED);
            }
            answer.complete(claim == Claim.SEEN ? DefaultEventPipeline.notRouted(envelope) : EventAck.failed());
            done.run();
            return;
        }
        Exchange exchange;
        try {
            exchange = route.createExchange();
            EventExchanges.fill(exchange, envelope);
        } catch (RuntimeException e) {
            forget(key);
            LOG.warn("Could not create the exchange of event {}; Lark will redeliver it: {}", key, e.toString());
            statistics.refused(EventStatistics.ROUTE_FAILED);
            answer.complete(EventAck.failed());
            done.run();
            return;
        }
        statistics.entered();
        // once only: a processor may call back and then throw, and the chat's next event must start exactly once
        AtomicBoolean finishedOnce = new AtomicBoolean();
        try {
            route.processor().process(exchange, doneSync -> {
                if (finishedOnce.compareAndSet(false, true)) {
                    finished(key, exchange, done);
                }
            });
        } catch (RuntimeException e) {
            if (finishedOnce.compareAndSet(false, true)) {
                exchange.setException(e);
                finished(key, exchange, done);
            } else {
                LOG.debug("The route of event {} threw after it had called back: {}", key, e.toString());
            }
        }
    }

    @Override
    public void reject() {
        LOG.debug("Stopping: event {} left for Lark to redeliver", envelope.eventId());
        statistics.refused(EventStatistics.STOPPING);
        answer.complete(EventAck.failed());
    }

    private enum Claim { FIRST, SEEN, FAILED }

    /**
     * Adds the id to the repository. A shared repository (JDBC and the like) may refuse a copy that another instance
     * added at the same moment with an exception (duplicate key) instead of returning false: when the repository then
     * holds the id, the copy is a duplicate like any other. Otherwise the repository itself failed, and Lark redelivers.
     */
    private Claim claim(String key) {
        try {
            return repository.add(key) ? Claim.FIRST : seen(key);
        } catch (RuntimeException refused) {
            boolean held;
            try {
                held = repository.contains(key);
            } catch (RuntimeException e) {
                held = false;
            }
            if (held) {
                LOG.debug("Acknowledged event {} without routing it: added concurrently elsewhere ({})", key,
                        refused.getClass().getSimpleName());
                return Claim.SEEN;
            }
            LOG.warn("The idempotentRepository could not record event {}; answered as not delivered so that Lark redelivers"
                     + " it: {}", key, refused.toString());
            return Claim.FAILED;
        }
    }

    private static Claim seen(String key) {
        LOG.debug("Acknowledged duplicate event {} without routing it", key);
        return Claim.SEEN;
    }

    private void finished(String key, Exchange exchange, Runnable done) {
        statistics.left();
        try {
            EventAck ack = exchange.getException() == null && !exchange.isRollbackOnly() ? delivered(exchange) : EventAck.failed();
            if (ack.success()) {
                statistics.routed();
                confirm(key);
            } else {
                statistics.refused(EventStatistics.ROUTE_FAILED);
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
            try {
                route.release(exchange);
            } finally {
                done.run();
            }
        }
    }

    /** The answer after a successful route: card callbacks carry the route's reply. */
    private EventAck delivered(Exchange exchange) {
        if (!envelope.kind().isCallback()) {
            return EventAck.delivered();
        }
        try {
            return EventAck.reply(replies.of(envelope, exchange.getMessage().getBody()));
        } catch (RuntimeException e) {
            exchange.setException(e);
            return EventAck.failed();
        }
    }

    private void confirm(String key) {
        if (key == null) {
            return;
        }
        try {
            repository.confirm(key);
        } catch (RuntimeException e) {
            LOG.warn("The idempotentRepository could not confirm event {} (it stays added): {}", key, e.toString());
        }
    }

    private void forget(String key) {
        if (key == null) {
            return;
        }
        try {
            repository.remove(key);
        } catch (RuntimeException e) {
            LOG.warn("The idempotentRepository could not forget failed event {}; Lark's redelivery may be dropped: {}", key,
                    e.toString());
        }
    }
}
