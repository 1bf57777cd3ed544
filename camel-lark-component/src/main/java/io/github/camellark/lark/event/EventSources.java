package io.github.camellark.lark.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared connections of a {@code LarkComponent}, counted by their consumers: a connection opens when the first
 * consumer of its app starts and closes when the last one stops. Lark gives each event of an app to one of its long
 * connections, and posts all of them to one webhook URL, so two connections for one app would hide events from
 * consumers. One lock for all: joining and leaving are rare (route start and stop), and a consumer must never join a
 * connection that is being closed.
 */
public final class EventSources {

    private static final Logger LOG = LoggerFactory.getLogger(EventSources.class);

    private final Map<ConnectionSettings.Key, SharedEventSource> sources = new HashMap<>();

    /**
     * Registers the consumer's pipeline with the connection of its app, opening the connection for the first consumer.
     *
     * @param settings   the connection the consumer needs, and its options
     * @param transports builds the connection's transport when this consumer is the first
     *
     * @throws IllegalArgumentException when the consumer disagrees with those already there on an option of the
     *                                  connection
     */
    public synchronized SharedEventSource join(ConnectionSettings settings, SharedEventSource.Member member,
                                               EventTransport.Factory transports) throws Exception {
        SharedEventSource source = sources.get(settings.key());
        if (source != null) {
            source.join(member, settings);
            try {
                source.retryIfFailed();
            } catch (Exception e) {
                source.leave(member);
                throw e;
            }
            return source;
        }
        source = new SharedEventSource(settings, transports);
        source.join(member, settings);
        try {
            source.start();
        } catch (Exception e) {
            try {
                source.stop();
            } catch (Exception stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
        sources.put(settings.key(), source);
        return source;
    }

    /** Unregisters the consumer's pipeline; the last consumer of a connection closes it. */
    public synchronized void leave(SharedEventSource source, SharedEventSource.Member member) throws Exception {
        if (source.leave(member) && sources.remove(source.key(), source)) {
            source.stop();
        }
    }

    /** Closes what consumers left open (they are stopped before the component, so normally nothing). */
    public synchronized void closeAll() {
        List<SharedEventSource> open = new ArrayList<>(sources.values());
        sources.clear();
        for (SharedEventSource source : open) {
            try {
                source.stop();
            } catch (Exception e) {
                LOG.warn("Could not close a Lark event connection: {}", e.toString());
            }
        }
    }
}
