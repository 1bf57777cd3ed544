package io.github.camellark.lark.testkit.control;

import java.util.List;
import java.util.Map;

import io.github.camellark.lark.testkit.Conversation;
import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.RecordedRequest;
import io.github.camellark.lark.testkit.http.SimRequest;
import io.github.camellark.lark.testkit.http.SimResponse;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.ws.LongConnectionServer;

/** Control calls that show what happened: journal, conversation, messages, pushed events, deliveries and acks. */
final class ControlInspect {

    private final LarkSimulator sim;
    private final ControlApi api;

    ControlInspect(LarkSimulator sim, ControlApi api) {
        this.sim = sim;
        this.api = api;
    }

    void register() {
        api.route("GET", "/journal", this::journal);
        api.route("DELETE", "/journal", request -> {
            sim.journal().clear();
            return ControlApi.ok(ControlViews.object("cleared", true));
        });
        api.route("GET", "/conversation", this::conversation);
        api.route("GET", "/messages", this::messages);
        api.route("GET", "/messages/{message_id}", request -> ControlApi.ok(ControlViews.message(
                api.input(request).message(request.pathParam("message_id")))));
        api.route("GET", "/events", request -> ControlApi.list("events",
                sim.events().pushed().stream().map(ControlViews::event).toList()));
        api.route("GET", "/deliveries", request -> deliveries());
        api.route("GET", "/long-connection", request -> longConnection());
        api.route("GET", "/activities", request -> ControlApi.list("activities", (request.queryParam("kind") == null
                ? sim.state().activities() : sim.state().activities(request.queryParam("kind")))
                .stream().map(ControlViews::activity).toList()));
    }

    /** Every Lark request, or those matching {@code ?method=} and {@code ?path=} (a journal pattern). */
    private SimResponse journal(SimRequest request) {
        String path = request.queryParam("path");
        String method = request.queryParam("method");
        List<RecordedRequest> requests = path != null || method != null
                ? sim.journal().requests(method == null ? "*" : method, path == null ? "/**" : path)
                : sim.journal().requests();
        return ControlApi.list("requests", requests.stream().map(ControlViews::request).toList());
    }

    /** The rendered conversation ({@code text}) and its lines, optionally of one chat ({@code ?chat=} id or name). */
    private SimResponse conversation(SimRequest request) {
        Conversation conversation = sim.conversation();
        if (request.queryParam("chat") != null) {
            conversation = conversation.in(api.input(request).chat(request.queryParam("chat")));
        }
        return ControlApi.ok(ControlViews.object("text", conversation.render(),
                "lines", conversation.lines().stream().map(ControlViews::line).toList()));
    }

    /** Stored messages with their raw content, optionally of one chat ({@code ?chat=}). */
    private SimResponse messages(SimRequest request) {
        List<SimMessage> messages = request.queryParam("chat") == null ? sim.state().messages()
                : sim.state().messagesIn(api.input(request).chat(request.queryParam("chat")));
        return ControlApi.list("messages", messages.stream().map(ControlViews::message).toList());
    }

    private SimResponse deliveries() {
        List<Map<String, Object>> overLongConnection = sim.events().startedLongConnection()
                .map(ws -> ws.deliveries().stream().map(ControlViews::wsDelivery).toList()).orElse(List.of());
        return ControlApi.ok(ControlViews.object(
                "webhook", sim.events().webhookDeliveries().stream().map(ControlViews::webhookDelivery).toList(),
                "long_connection", overLongConnection));
    }

    private SimResponse longConnection() {
        LongConnectionServer ws = sim.events().startedLongConnection().orElse(null);
        if (ws == null) {
            return ControlApi.ok(ControlViews.object("started", false));
        }
        return ControlApi.ok(ControlViews.object("started", true, "open_connections", ws.openConnections().size(),
                "discoveries", ws.discoveryCount(), "handshakes", ws.handshakeCount(), "pings", ws.pingCount(),
                "refused_handshakes", ws.refusedHandshakes().size(),
                "connections", ws.connections().stream().map(ControlViews::connection).toList()));
    }
}
