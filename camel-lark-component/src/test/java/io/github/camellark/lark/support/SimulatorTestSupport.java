package io.github.camellark.lark.support;

import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.LarkSimulatorExtension;
import io.github.camellark.lark.testkit.camel.SimulatorSetup;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of tests against the testkit's Lark simulator: one simulator per test class, and the {@code lark} component
 * pointed at it as the simulator's app. A test class adds its own settings in {@link #configureLark(LarkComponent)}.
 */
public abstract class SimulatorTestSupport extends CamelTestSupport {

    @RegisterExtension
    protected static final LarkSimulatorExtension EXTENSION = new LarkSimulatorExtension();

    protected LarkSimulator lark;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        lark = EXTENSION.simulator();
        CamelContext context = super.createCamelContext();
        configureLark(SimulatorSetup.configure(context.getComponent("lark", LarkComponent.class), lark));
        return context;
    }

    /** Settings of the {@code lark} component beyond the simulator's address and app; none by default. */
    protected void configureLark(LarkComponent component) {
    }
}
