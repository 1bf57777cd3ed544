package io.github.camellark.lark.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link LarkSimulator} per test class, injects it into test and lifecycle method
 * parameters, and closes it after the class. Before each test the journal and queued faults are
 * cleared and rate limits are no longer enforced; users, chats and messages stay (create what a
 * test needs inside the test).
 * <pre>{@code
 * @ExtendWith(LarkSimulatorExtension.class)
 * class MyRouteTest {
 *     @Test
 *     void sendsAlert(LarkSimulator lark) { ... lark.baseUri() ... }
 * }
 * }</pre>
 * or, to configure it: {@code @RegisterExtension static LarkSimulatorExtension lark =
 * new LarkSimulatorExtension(LarkSimulator.builder().appId("cli_x"));} and {@code lark.simulator()}.
 */
public final class LarkSimulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LarkSimulatorExtension.class);

    private final LarkSimulator.Builder builder;
    private volatile LarkSimulator simulator;

    public LarkSimulatorExtension() {
        this(LarkSimulator.builder());
    }

    public LarkSimulatorExtension(LarkSimulator.Builder builder) {
        this.builder = builder;
    }

    /** The running simulator (after the extension started it for the test class). */
    public LarkSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the Lark simulator starts before the first test of the class");
        }
        return simulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        LarkSimulator sim = simulator(context);
        sim.journal().clear();
        sim.faults().clear();
        sim.rateLimits().off();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LarkSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator(extensionContext);
    }

    private LarkSimulator simulator(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        Running running = classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, k -> new Running(builder.start()), Running.class);
        simulator = running.simulator;
        return running.simulator;
    }

    /** The outermost class context, so nested test classes share their enclosing class's simulator. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().isPresent() && current.getParent().get().getTestClass().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /**
     * Closed by JUnit when the class context's store is closed: as an AutoCloseable from JUnit 5.13 on (which warns
     * about a CloseableResource that is not one), as a CloseableResource before.
     */
    @SuppressWarnings("deprecation")
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final LarkSimulator simulator;

        Running(LarkSimulator simulator) {
            this.simulator = simulator;
        }

        @Override
        public void close() {
            simulator.close();
        }
    }
}
