package io.github.camellark.lark.examples.offline;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.state.Activity;
import io.github.camellark.lark.testkit.state.Sender;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimDepartment;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimReaction;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.StateListener;

/**
 * A Lark tenant in this process: the testkit's {@link LarkSimulator} with a few people and a group, printing the
 * conversation as it happens. The examples run against it when no Lark credentials are given.
 * <ul>
 * <li>Alice and Bob are on call (Alice owns the alerts), Dave works with them; the three are in #general with the bot.</li>
 * <li>Carol and Erin are new: they join #general during the welcome scenario.</li>
 * <li>Alice and Bob work in Support, Bob and Dave in Operations: the departments of the broadcast.</li>
 * </ul>
 */
public final class OfflineLark implements AutoCloseable {

    /** How long a scenario step may take before the run fails. */
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);

    private final LarkSimulator lark;
    private final ConversationPrinter printer;
    private final Object changes = new Object();
    private final int httpPort;

    final SimUser alice;
    final SimUser bob;
    final SimUser dave;
    final SimUser carol;
    final SimUser erin;
    final SimChat general;
    final SimDepartment support;
    final SimDepartment operations;

    private OfflineLark(PrintStream out) {
        this.lark = LarkSimulator.start();
        try {
            this.alice = lark.createUser("Alice");
            this.bob = lark.createUser("Bob");
            this.dave = lark.createUser("Dave");
            this.carol = lark.createUser("Carol");
            this.erin = lark.createUser("Erin");
            this.general = lark.createChat("general", alice, List.of(bob, dave));
            this.support = lark.createDepartment("Support", alice, bob);
            this.operations = lark.createDepartment("Operations", bob, dave);
            this.httpPort = freePort();
            this.printer = new ConversationPrinter(lark, out);
            lark.state().addListener(printer);
            lark.state().addListener(new ChangeSignal());
        } catch (RuntimeException e) {
            lark.close();
            throw e;
        }
    }

    /** Starts the simulator and fills the tenant; {@code out} gets the conversation. */
    public static OfflineLark start(PrintStream out) {
        return new OfflineLark(out);
    }

    /**
     * The configuration of the example app for this tenant: the component pointed at the simulator with its app
     * credentials, the HTTP server on a free port, the on-call people, quick polling.
     */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.component.lark.base-uri", lark.baseUri());
        properties.put("camel.component.lark.app-id", lark.appId());
        properties.put("camel.component.lark.app-secret", lark.appSecret());
        properties.put("camel.server.host", "127.0.0.1");
        properties.put("camel.server.port", Integer.toString(httpPort));
        properties.put("alert.oncall", alice.openId() + "," + bob.openId());
        properties.put("broadcast.poll-interval", "100");
        properties.put("approval.record-delay", "300");
        return properties;
    }

    /** The simulated people acting out the scenarios against the app's HTTP server and the simulator. */
    public Scenarios scenarios() {
        return new Scenarios(this, "http://127.0.0.1:" + httpPort);
    }

    public LarkSimulator simulator() {
        return lark;
    }

    public SimChat general() {
        return general;
    }

    public SimUser alice() {
        return alice;
    }

    public SimUser bob() {
        return bob;
    }

    public SimUser dave() {
        return dave;
    }

    public SimUser carol() {
        return carol;
    }

    public SimUser erin() {
        return erin;
    }

    public SimDepartment support() {
        return support;
    }

    public SimDepartment operations() {
        return operations;
    }

    ConversationPrinter printer() {
        return printer;
    }

    /** Waits until the app's {@code lark:events} consumer holds a long connection, so that events reach it. */
    public void awaitEventsConnection() {
        await("the app's long connection for events", () -> !lark.longConnection().openConnections().isEmpty());
    }

    /** Waits until {@code condition} holds, re-checking on every change of the tenant; fails after {@link #STEP_TIMEOUT}. */
    void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("Timed out after " + STEP_TIMEOUT.toSeconds() + " s waiting for " + what
                                                + "\nConversation so far:\n" + lark.conversation().render()
                                                + "Requests:\n" + lark.journal());
            }
            synchronized (changes) {
                try {
                    // a change wakes us at once; the bound re-checks conditions no listener hears about
                    changes.wait(Math.max(1, Math.min(left / 1_000_000, 25)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for " + what, e);
                }
            }
        }
    }

    @Override
    public void close() {
        lark.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the example's HTTP server", e);
        }
    }

    /** Wakes {@link #await} on every change. */
    private final class ChangeSignal implements StateListener {

        private void signal() {
            synchronized (changes) {
                changes.notifyAll();
            }
        }

        @Override
        public void messageStored(SimMessage message) {
            signal();
        }

        @Override
        public void messageEdited(SimMessage message) {
            signal();
        }

        @Override
        public void reactionAdded(SimReaction reaction) {
            signal();
        }

        @Override
        public void chatCreated(SimChat chat) {
            signal();
        }

        @Override
        public void membersAdded(SimChat chat, List<SimUser> users, Sender operator) {
            signal();
        }

        @Override
        public void activity(Activity activity) {
            signal();
        }
    }
}
