package io.github.camellark.lark.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;

/**
 * One connection to Lark (a WebSocket long connection, or a served webhook path) and the {@code lark:events} consumers
 * that share it: each event goes to every consumer's pipeline through an {@link EventFanOut}. Permanent connection
 * failures (bad credentials, connection limit) go to the exception handler of every consumer, since none of them
 * receives events any more; a consumer that starts while the connection is in that state makes it try again.
 * <p>
 * Created and closed by {@link EventSources}; not thread-safe on its own.
 */
public final class SharedEventSource {

    /** A consumer of the connection: its name (for messages: "route x"), its pipeline and where its errors go. */
    public record Member(String name, DefaultEventPipeline pipeline, Supplier<ExceptionHandler> exceptionHandler) {
    }

    private final ConnectionSettings settings;
    private final EventFanOut fanOut = new EventFanOut();
    private final List<Member> members = new CopyOnWriteArrayList<>();
    private final EventTransport transport;

    SharedEventSource(ConnectionSettings settings, EventTransport.Factory transports) {
        this.settings = settings;
        this.transport = transports.create(fanOut, new EveryMember());
    }

    ConnectionSettings.Key key() {
        return settings.key();
    }

    /**
     * Adds a consumer, after checking that it agrees with the consumers already there on the connection's options, and
     * that it does not share an idempotent repository with one that routes some of the same event types (the first to
     * route an event would hide it from the other).
     */
    void join(Member member, ConnectionSettings wanted) {
        if (!members.isEmpty()) {
            Member established = members.get(0);
            List<String> differences = wanted.differencesFrom(settings);
            if (!differences.isEmpty()) {
                throw new IllegalArgumentException("The lark:events consumer of " + member.name() + " cannot share "
                        + settings.describe() + " with the one of " + established.name() + ": these options differ: "
                        + String.join(", ", differences) + ". The consumers of one connection must agree on them; set"
                        + " them once, for example on the component (camel.component.lark.*).");
            }
            for (Member other : members) {
                if (other.pipeline().repository() == member.pipeline().repository()
                        && other.pipeline().routesSomeTypeOf(member.pipeline())) {
                    throw new IllegalArgumentException("The lark:events consumers of " + other.name() + " and "
                            + member.name() + " route some of the same event types and use the same"
                            + " idempotentRepository: the first to route an event would make it a duplicate for the other."
                            + " Give each its own idempotentRepository.");
                }
            }
        }
        members.add(member);
        fanOut.add(member.pipeline());
    }

    /**
     * Gives a connection that stopped for good (bad credentials, connection limit) another try when a consumer starts:
     * "restart the route after fixing the cause" holds even while other routes of the app keep running.
     */
    void retryIfFailed() throws Exception {
        ConnectionStatus status = transport.status();
        if (status != null && status.state() == ConnectionStatus.State.FAILED) {
            transport.stop();
            transport.start();
        }
    }

    /** Removes a consumer; true when it was the last one. */
    boolean leave(Member member) {
        fanOut.remove(member.pipeline());
        members.remove(member);
        return members.isEmpty();
    }

    void start() throws Exception {
        transport.start();
    }

    void stop() throws Exception {
        transport.stop();
    }

    /** The connection's state for the consumers' health checks; null for the webhook (Lark connects to us). */
    public ConnectionStatus status() {
        return transport.status();
    }

    /** Tells every consumer: each of them stopped receiving events. */
    private final class EveryMember implements ExceptionHandler {
        @Override
        public void handleException(Throwable exception) {
            members.forEach(member -> member.exceptionHandler().get().handleException(exception));
        }

        @Override
        public void handleException(String message, Throwable exception) {
            members.forEach(member -> member.exceptionHandler().get().handleException(message, exception));
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            members.forEach(member -> member.exceptionHandler().get().handleException(message, exchange, exception));
        }
    }
}
