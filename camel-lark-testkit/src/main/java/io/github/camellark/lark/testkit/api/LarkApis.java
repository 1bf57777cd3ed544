package io.github.camellark.lark.testkit.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.testkit.http.SimHttpServer;
import io.github.camellark.lark.testkit.state.SimulatorState;

/** Registers every Lark business operation the simulator serves. */
public final class LarkApis {

    private final SimulatorState state;
    private final ObjectMapper mapper;
    private final SimHttpServer server;

    public LarkApis(SimulatorState state, ObjectMapper mapper, SimHttpServer server) {
        this.state = state;
        this.mapper = mapper;
        this.server = server;
    }

    public void register() {
        Lookups lookups = new Lookups(state);
        new PinApi(state, lookups).register(server);
    }
}
