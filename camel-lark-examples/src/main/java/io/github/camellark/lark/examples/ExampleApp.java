package io.github.camellark.lark.examples;

import java.util.Map;

import org.apache.camel.main.Main;

/**
 * The scenarios as one Camel Main application. Its settings come from {@code application.properties}; what
 * differs between the real Lark and the offline simulator is given as properties.
 */
public final class ExampleApp {

    private ExampleApp() {
    }

    /** A Camel Main with the routes of every scenario and the given properties (they win over application.properties). */
    public static Main create(Map<String, String> properties) {
        Main main = new Main();
        main.configure().addRoutesBuilder(new LarkEventRoutes());
        main.configure().addRoutesBuilder(new AlertGroupRoutes());
        main.configure().addRoutesBuilder(new DepartmentBroadcastRoutes());
        main.configure().addRoutesBuilder(new WelcomeBotRoutes());
        main.configure().addRoutesBuilder(new CardInteractionRoutes());
        main.configure().addRoutesBuilder(new HelpDeskRoutes());
        properties.forEach(main::addOverrideProperty);
        return main;
    }
}
