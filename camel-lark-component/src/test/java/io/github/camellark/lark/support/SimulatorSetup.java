package io.github.camellark.lark.support;

import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.testkit.LarkSimulator;
import org.apache.camel.CamelContext;

/** Points a lark component at a simulator: the simulator's base URI, and its app's id and secret. */
public final class SimulatorSetup {

    private SimulatorSetup() {
    }

    /** The component calls the simulator as its app; returned for further settings. */
    public static LarkComponent configure(LarkComponent component, LarkSimulator simulator) {
        component.getConfiguration().setBaseUri(simulator.baseUri());
        component.getConfiguration().setAppId(simulator.appId());
        component.getConfiguration().setAppSecret(simulator.appSecret());
        return component;
    }

    /** The {@code lark} component of the context, pointed at the simulator. */
    public static LarkComponent configure(CamelContext context, LarkSimulator simulator) {
        return configure(context.getComponent("lark", LarkComponent.class), simulator);
    }
}
