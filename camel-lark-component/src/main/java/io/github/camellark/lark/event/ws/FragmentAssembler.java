package io.github.camellark.lark.event.ws;

import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Joins the fragments of a payload Lark split over several data frames ({@code sum} parts sharing a {@code message_id},
 * indexed by {@code seq}). Bounded in messages and bytes, and an incomplete message is dropped once
 * its first fragment is older than the TTL, so lost fragments never accumulate.
 */
final class FragmentAssembler {

    /** More parts than any real event needs (Lark's payloads are tens of kilobytes); protects the arrays below. */
    static final int MAX_PARTS = 1024;

    private final long ttlNanos;
    private final int maxMessages;
    private final long maxBytes;
    private final LongSupplier nanoTime;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private long pendingBytes;

    FragmentAssembler(long ttlMillis, int maxMessages, long maxBytes, LongSupplier nanoTime) {
        this.ttlNanos = ttlMillis * 1_000_000L;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        this.nanoTime = nanoTime;
    }

    /**
     * Adds one fragment.
     *
     * @return the whole payload when this fragment completes it (or is the only one), otherwise null
     * @throws IllegalArgumentException when sum or seq are out of range
     */
    synchronized byte[] add(String messageId, int sum, int seq, byte[] part) {
        if (sum < 1 || sum > MAX_PARTS || seq < 0 || seq >= sum) {
            throw new IllegalArgumentException(
                    "Fragment seq " + seq + " of sum " + sum + " is out of range (1 <= sum <= " + MAX_PARTS + ", 0 <= seq < sum)");
        }
        expire();
        if (sum == 1) {
            return part;
        }
        Pending message = pending.get(messageId);
        if (message == null || message.parts.length != sum) {
            remove(messageId);
            message = new Pending(sum, nanoTime.getAsLong());
            pending.put(messageId, message);
        }
        if (message.parts[seq] != null) {
            pendingBytes -= message.parts[seq].length;
        } else {
            message.received++;
        }
        message.parts[seq] = part;
        pendingBytes += part.length;
        if (message.received < sum) {
            evictOverflow(messageId);
            return null;
        }
        remove(messageId);
        return message.join();
    }

    /** Drops the incomplete messages whose first fragment is older than the TTL. */
    synchronized void expire() {
        long now = nanoTime.getAsLong();
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            Pending message = it.next();
            if (now - message.firstSeenNanos < ttlNanos) {
                return; // insertion order is arrival order: the rest are younger
            }
            pendingBytes -= message.bytes();
            it.remove();
        }
    }

    /** Incomplete messages currently held. */
    synchronized int pending() {
        return pending.size();
    }

    synchronized long pendingBytes() {
        return pendingBytes;
    }

    synchronized void clear() {
        pending.clear();
        pendingBytes = 0;
    }

    /** Oldest first, but never the message just added to. */
    private void evictOverflow(String keep) {
        Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator();
        while ((pending.size() > maxMessages || pendingBytes > maxBytes) && it.hasNext()) {
            Map.Entry<String, Pending> oldest = it.next();
            if (!oldest.getKey().equals(keep)) {
                pendingBytes -= oldest.getValue().bytes();
                it.remove();
            }
        }
    }

    private void remove(String messageId) {
        Pending removed = pending.remove(messageId);
        if (removed != null) {
            pendingBytes -= removed.bytes();
        }
    }

    private static final class Pending {
        final byte[][] parts;
        final long firstSeenNanos;
        int received;

        Pending(int sum, long firstSeenNanos) {
            this.parts = new byte[sum][];
            this.firstSeenNanos = firstSeenNanos;
        }

        long bytes() {
            long total = 0;
            for (byte[] part : parts) {
                total += part == null ? 0 : part.length;
            }
            return total;
        }

        byte[] join() {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) bytes());
            for (byte[] part : parts) {
                out.write(part, 0, part.length);
            }
            return out.toByteArray();
        }
    }
}
