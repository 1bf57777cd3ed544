package io.github.camellark.lark.testkit.control;

import java.util.Map;

import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.http.SimHandler;
import io.github.camellark.lark.testkit.http.SimHttpServer;
import io.github.camellark.lark.testkit.http.SimResponse;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimDepartment;
import io.github.camellark.lark.testkit.state.SimUser;

/**
 * The simulator's control API: everything a Java test does through {@link LarkSimulator}, over HTTP under
 * {@value #PREFIX}, so that a test suite in any language can drive the simulator (set up people and chats, make
 * them act, inject faults, inspect what happened, reset). Control calls are neither journaled nor hit by faults, and
 * need no token. Replies are plain JSON; errors are {@code {"code":<http status>,"msg":...}} with HTTP 400 or 404.
 * The calls are listed in the testkit's README, "Standalone simulator".
 */
public final class ControlApi {

    /** Paths under this prefix belong to the control API, never to Lark. */
    public static final String PREFIX = "/_sim";

    private final LarkSimulator sim;
    private final SimHttpServer server;

    public ControlApi(LarkSimulator sim, SimHttpServer server) {
        this.sim = sim;
        this.server = server;
    }

    /** Whether {@code path} is a control call (not journaled, no faults). */
    public static boolean isControlPath(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    public void register() {
        route("GET", "", request -> info());
        route("POST", "/reset", request -> reset());
        route("POST", "/users", request -> createUser(input(request)));
        route("GET", "/users", request -> list("users", sim.state().users().stream().map(ControlViews::user).toList()));
        route("POST", "/departments", request -> createDepartment(input(request)));
        route("GET", "/departments", request -> list("departments", sim.state().departments().stream()
                .map(d -> ControlViews.department(d, d.members())).toList()));
        route("POST", "/chats", request -> createChat(input(request)));
        route("GET", "/chats", request -> list("chats", sim.state().chats().stream().map(ControlViews::chat).toList()));
        new ControlActs(sim, this).register();
        new ControlFaults(sim, this).register();
        new ControlInspect(sim, this).register();
    }

    /** Registers a control call; what the state refuses (a non-member speaking, a click still pending) becomes a 400. */
    void route(String method, String path, SimHandler handler) {
        server.route(method, PREFIX + path, false, request -> {
            try {
                return handler.handle(request);
            } catch (IllegalArgumentException | IllegalStateException refused) {
                throw ControlInput.invalid(String.valueOf(refused.getMessage()));
            }
        });
    }

    ControlInput input(io.github.camellark.lark.testkit.http.SimRequest request) {
        return new ControlInput(request, sim.state());
    }

    static SimResponse ok(Map<String, Object> body) {
        return SimResponse.json(200, body);
    }

    static SimResponse list(String name, Object items) {
        return ok(ControlViews.object(name, items));
    }

    /** What a client needs to talk to this simulator; the standalone simulator prints the same on start. */
    public static Map<String, Object> connectionFacts(LarkSimulator sim) {
        return ControlViews.object("base_url", sim.baseUri(), "control_url", sim.baseUri() + PREFIX, "app_id", sim.appId(),
                "app_secret", sim.appSecret(), "tenant_key", sim.tenantKey(), "verification_token", sim.verificationToken(),
                "encrypt_key", sim.encryptKey(), "bot_name", sim.botName());
    }

    private SimResponse info() {
        return ok(connectionFacts(sim));
    }

    /** Back to an empty tenant: state, journal, REST and long-connection faults, records of pushes. Deliveries stay. */
    private SimResponse reset() {
        sim.state().clear();
        sim.journal().clear();
        sim.faults().clear();
        sim.rateLimits().off();
        sim.events().startedLongConnection().ifPresent(ws -> ws.faults().clear());
        sim.events().forgetRecords();
        return ok(ControlViews.object("reset", true));
    }

    private SimResponse createUser(ControlInput in) {
        String name = in.text("name");
        SimUser user = in.optionalText("email").map(email -> sim.state().createUser(name, email))
                .orElseGet(() -> sim.state().createUser(name));
        return ok(ControlViews.user(user));
    }

    private SimResponse createDepartment(ControlInput in) {
        SimDepartment parent = in.optionalText("parent")
                .map(id -> sim.state().department(id).orElseThrow(() -> ControlInput.notFound("no department " + id)))
                .orElse(null);
        SimDepartment department = sim.state().createDepartment(in.text("name"), in.optionalText("department_id").orElse(null),
                parent, in.users("members"));
        return ok(ControlViews.department(department, department.members()));
    }

    private SimResponse createChat(ControlInput in) {
        SimUser owner = in.optionalText("owner").map(in::user).orElse(null);
        SimChat chat = sim.state().createChat(in.text("name"), owner, in.users("members"));
        if (!in.bool("bot_member", true)) {
            sim.state().botMember(chat, false);
        }
        return ok(ControlViews.chat(chat));
    }
}
