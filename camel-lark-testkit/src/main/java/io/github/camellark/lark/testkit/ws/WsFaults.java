package io.github.camellark.lark.testkit.ws;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults of the long connection, injected on demand. Obtain from {@link LongConnectionServer#faults()}.
 *
 * <pre>{@code
 * ws.faults().dropAllConnections();                                  // abrupt TCP close, no close frame
 * ws.faults().goSilent();                                            // half-open: no pongs, nothing sent
 * ws.faults().rejectNextHandshakes(1, HandshakeRejection.connectionLimit());
 * ws.faults().limitConnections(1);                                   // the 2nd concurrent client gets 514/1000040350
 * ws.faults().failNextDiscoveries(2, 1, "system busy");              // retryable discovery failure
 * }</pre>
 */
public final class WsFaults {

    private final LongConnectionServer server;
    private final AtomicInteger handshakesToReject = new AtomicInteger();
    private volatile HandshakeRejection rejection = HandshakeRejection.connectionLimit();
    private volatile int connectionLimit = 50; // Lark allows 50 connections per app
    private final AtomicInteger discoveriesToFail = new AtomicInteger();
    private volatile int discoveryFailureCode;
    private volatile String discoveryFailureMessage;
    private volatile int discoveryFailureHttpStatus = 200;

    WsFaults(LongConnectionServer server) {
        this.server = server;
    }

    /** Closes every open connection abruptly (TCP close without a WebSocket close frame), as a network drop would. */
    public WsFaults dropAllConnections() {
        server.dropAll();
        return this;
    }

    /**
     * Half-open sockets: every currently open connection stays up but the server stops answering pings (pbbp2 and
     * WebSocket-level) and stops sending anything on it. Connections opened later behave normally.
     */
    public WsFaults goSilent() {
        server.silenceAll();
        return this;
    }

    /** Refuses the next {@code count} WebSocket upgrades with {@code how}. */
    public WsFaults rejectNextHandshakes(int count, HandshakeRejection how) {
        rejection = how;
        handshakesToReject.set(count);
        return this;
    }

    /** At most {@code max} concurrent connections; one more gets 514 + 1000040350. Default 50, as at Lark. */
    public WsFaults limitConnections(int max) {
        connectionLimit = max;
        return this;
    }

    /**
     * The next {@code count} discoveries answer HTTP 200 with {@code {"code":code,"msg":message,"data":{"URL":"",
     * "ClientConfig":{}}}}. Which codes the SDKs retry differs per SDK: see EVENTS.md, "What the SDKs retry".
     */
    public WsFaults failNextDiscoveries(int count, int code, String message) {
        discoveryFailureCode = code;
        discoveryFailureMessage = message;
        discoveryFailureHttpStatus = 200;
        discoveriesToFail.set(count);
        return this;
    }

    /** The next {@code count} discoveries answer with this HTTP status (both official SDKs retry any non-200). */
    public WsFaults failNextDiscoveriesWithHttpStatus(int count, int httpStatus) {
        discoveryFailureCode = httpStatus;
        discoveryFailureMessage = "system busy";
        discoveryFailureHttpStatus = httpStatus;
        discoveriesToFail.set(count);
        return this;
    }

    /** Clears pending handshake/discovery faults and restores the 50-connection limit. */
    public WsFaults clear() {
        handshakesToReject.set(0);
        discoveriesToFail.set(0);
        connectionLimit = 50;
        return this;
    }

    HandshakeRejection takeHandshakeRejection() {
        return handshakesToReject.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? rejection : null;
    }

    int connectionLimit() {
        return connectionLimit;
    }

    HttpReply takeDiscoveryFailure() {
        if (discoveriesToFail.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return null;
        }
        return LongConnectionServer.discoveryError(discoveryFailureHttpStatus, discoveryFailureCode, discoveryFailureMessage);
    }
}
