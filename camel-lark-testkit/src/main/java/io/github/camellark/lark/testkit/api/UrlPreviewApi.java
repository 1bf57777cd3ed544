package io.github.camellark.lark.testkit.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.testkit.http.SimHttpServer;
import io.github.camellark.lark.testkit.http.SimRequest;
import io.github.camellark.lark.testkit.http.SimResponse;
import io.github.camellark.lark.testkit.state.SimulatorState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code im/v2/url_previews/batch_update}: 1–10 preview tokens, optional open_ids; recorded as an activity. */
final class UrlPreviewApi {

    private final SimulatorState state;

    UrlPreviewApi(SimulatorState state) {
        this.state = state;
    }

    void register(SimHttpServer server) {
        server.route("POST", "/open-apis/im/v2/url_previews/batch_update", true, this::batchUpdate);
    }

    private SimResponse batchUpdate(SimRequest request) {
        JsonNode body = Requests.body(request);
        List<String> tokens = Requests.requiredTextList(body, "preview_tokens", 1, 10);
        List<String> openIds = new ArrayList<>();
        body.path("open_ids").forEach(n -> openIds.add(n.asText()));
        state.record("url_preview_update", String.join(",", tokens), tokens, openIds.isEmpty() ? null : String.join(",", openIds));
        return SimResponse.ok(Map.of());
    }
}
