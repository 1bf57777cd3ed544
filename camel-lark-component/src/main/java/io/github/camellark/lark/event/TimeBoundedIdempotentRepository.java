package io.github.camellark.lark.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The default memory of seen event ids: remembers each id for a fixed time (Lark redelivers for about 7.1 hours, so the
 * default is 8) and at most a fixed number of ids, forgetting the oldest first. Ids are remembered from {@link #add}
 * (while the event is still being routed, so a duplicate arriving meanwhile is dropped) until they expire or are
 * {@link #remove}d after a failure. Stopping does not forget: a restarted route still drops redeliveries.
 */
public class TimeBoundedIdempotentRepository extends ServiceSupport implements IdempotentRepository {

    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofHours(8);
    public static final int DEFAULT_CAPACITY = 100_000;

    private final Duration timeToLive;
    private final int capacity;
    private final Clock clock;
    /** Insertion order is expiry order, since every entry lives equally long. */
    private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

    public TimeBoundedIdempotentRepository() {
        this(Clock.systemUTC());
    }

    /** The defaults (8 hours, 100,000 ids), with this clock. */
    public TimeBoundedIdempotentRepository(Clock clock) {
        this(DEFAULT_TIME_TO_LIVE, DEFAULT_CAPACITY, clock);
    }

    public TimeBoundedIdempotentRepository(Duration timeToLive, int capacity, Clock clock) {
        if (timeToLive.isNegative() || timeToLive.isZero() || capacity < 1) {
            throw new IllegalArgumentException("timeToLive must be positive and capacity at least 1, got " + timeToLive + " and " + capacity);
        }
        this.timeToLive = timeToLive;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public synchronized boolean add(String key) {
        Instant now = clock.instant();
        purgeExpired(now);
        if (expiries.containsKey(key)) {
            return false;
        }
        if (expiries.size() >= capacity) {
            Iterator<?> oldest = expiries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        expiries.put(key, now.plus(timeToLive));
        return true;
    }

    @Override
    public synchronized boolean contains(String key) {
        Instant expiry = expiries.get(key);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    @Override
    public synchronized boolean remove(String key) {
        return expiries.remove(key) != null;
    }

    @Override
    public boolean confirm(String key) {
        return contains(key);
    }

    @Override
    public synchronized void clear() {
        expiries.clear();
    }

    public synchronized int size() {
        purgeExpired(clock.instant());
        return expiries.size();
    }

    private void purgeExpired(Instant now) {
        for (Iterator<Map.Entry<String, Instant>> it = expiries.entrySet().iterator(); it.hasNext();) {
            if (it.next().getValue().isAfter(now)) {
                return;
            }
            it.remove();
        }
    }
}
