package io.github.camellark.lark.testkit.camel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.camellark.lark.testkit.LarkSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * Points a Camel {@code lark} component at a simulator: it calls the simulator's {@code baseUri} as the simulator's app
 * ({@code appId}, {@code appSecret}). The options are bound the way Camel binds {@code camel.component.lark.*}, so this
 * needs Camel on the class path (the testkit's users have it) but not the component's classes.
 * <pre>{@code
 * SimulatorSetup.configure(context.getComponent("lark"), simulator);
 * }</pre>
 */
public final class SimulatorSetup {

    private SimulatorSetup() {
    }

    /**
     * The component options that point a {@code lark} component at {@code simulator}: {@code appId}, {@code appSecret},
     * {@code baseUri}. For Camel Main, prefix each with {@code camel.component.lark.}.
     */
    public static Map<String, Object> componentOptions(LarkSimulator simulator) {
        return componentOptions(simulator.baseUri(), simulator.appId(), simulator.appSecret());
    }

    /** The same options for another Lark: a standalone simulator, or a {@code DiscoveryHttpServer} of its own. */
    public static Map<String, Object> componentOptions(String baseUri, String appId, String appSecret) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("appId", appId);
        options.put("appSecret", appSecret);
        options.put("baseUri", baseUri);
        return options;
    }

    /** Sets {@link #componentOptions(LarkSimulator)} on {@code component}; returned for further settings. */
    public static <C extends Component> C configure(C component, LarkSimulator simulator) {
        return configure(component, componentOptions(simulator));
    }

    /**
     * Binds {@code options} on {@code component}, a component of a CamelContext, as Camel binds
     * {@code camel.component.lark.*} (an unknown option fails: it is not a lark component); returned for further settings.
     */
    public static <C extends Component> C configure(C component, Map<String, Object> options) {
        CamelContext context = Objects.requireNonNull(component.getCamelContext(),
                "the component is in no CamelContext: take it from context.getComponent(\"lark\")");
        PropertyBindingSupport.build()
                .withCamelContext(context)
                .withTarget(component)
                .withConfigurer(component.getComponentPropertyConfigurer())
                .withProperties(new LinkedHashMap<>(options))
                .withMandatory(true)
                .withRemoveParameters(false)
                .bind();
        return component;
    }

    /** The context's {@code lark} component, pointed at {@code simulator}. */
    public static Component configure(CamelContext context, LarkSimulator simulator) {
        return configure(context.getComponent("lark"), simulator);
    }
}
