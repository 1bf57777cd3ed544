package io.github.camellark.lark.testkit.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.testkit.http.SimHttpServer;
import io.github.camellark.lark.testkit.state.SimulatorState;

/** Registers every Lark business operation the simulator serves (each operation of the {@code lark:} resources). */
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
        ContentRules rules = new ContentRules(state, mapper);
        MessageViews views = new MessageViews(state);
        LegacyContent legacy = new LegacyContent(mapper);
        new MessageApi(state, lookups, rules, views).register(server);
        new MessageReadApi(state, lookups, rules, views).register(server);
        new CardApi(state, lookups, rules).register(server);
        new CardKitApi(state).register(server);
        new ReactionApi(state, lookups).register(server);
        new UrgentApi(state, lookups).register(server);
        new PinApi(state, lookups).register(server);
        new UploadApi(state).register(server);
        new BatchMessageApi(state, legacy, rules).register(server);
        new UrlPreviewApi(state).register(server);
        new ChatApi(state, lookups).register(server);
        new CustomBotApi(state, legacy).register(server);
    }
}
