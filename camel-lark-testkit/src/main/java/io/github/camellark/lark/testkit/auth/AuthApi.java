package io.github.camellark.lark.testkit.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.testkit.http.SimHttpServer;
import io.github.camellark.lark.testkit.http.SimRequest;
import io.github.camellark.lark.testkit.http.SimResponse;
import io.github.camellark.lark.testkit.state.SimulatorState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code auth/v3} endpoints. They answer at top level (no {@code data} wrapper) and, like
 * Lark, report bad credentials with HTTP 200 and a non-zero {@code code}: 10003 "invalid param"
 * for a missing field or unknown app, 10014 "app secret invalid" for a wrong secret.
 */
public final class AuthApi {

    private final String appId;
    private final String appSecret;
    private final TokenService tokens;
    private final SimulatorState state;

    public AuthApi(String appId, String appSecret, TokenService tokens, SimulatorState state) {
        this.appId = appId;
        this.appSecret = appSecret;
        this.tokens = tokens;
        this.state = state;
    }

    public void register(SimHttpServer server) {
        server.route("POST", "/open-apis/auth/v3/tenant_access_token/internal", false, this::tenantTokenInternal);
        server.route("POST", "/open-apis/auth/v3/app_access_token/internal", false, this::appTokenInternal);
        server.route("POST", "/open-apis/auth/v3/app_access_token", false, this::appTokenStore);
        server.route("POST", "/open-apis/auth/v3/tenant_access_token", false, this::tenantTokenStore);
        server.route("POST", "/open-apis/auth/v3/app_ticket/resend", false, this::resendAppTicket);
    }

    private SimResponse tenantTokenInternal(SimRequest request) {
        SimResponse refused = checkCredentials(request.json());
        if (refused != null) {
            return refused;
        }
        IssuedToken token = tokens.tenantToken(state.tenantKey());
        return ok("tenant_access_token", token, null);
    }

    private SimResponse appTokenInternal(SimRequest request) {
        SimResponse refused = checkCredentials(request.json());
        if (refused != null) {
            return refused;
        }
        IssuedToken app = tokens.appToken();
        // a self-built app's app_access_token reply also carries its tenant token
        return ok("app_access_token", app, tokens.tenantToken(state.tenantKey()));
    }

    private SimResponse appTokenStore(SimRequest request) {
        SimResponse refused = checkCredentials(request.json());
        if (refused != null) {
            return refused;
        }
        String ticket = text(request.json(), "app_ticket");
        if (ticket == null) {
            return failure(10003, "invalid param");
        }
        if (!ticket.equals(tokens.appTicket())) {
            return failure(10012, "app_ticket is invalid");
        }
        return ok("app_access_token", tokens.appToken(), null);
    }

    private SimResponse tenantTokenStore(SimRequest request) {
        String appToken = text(request.json(), "app_access_token");
        String tenantKey = text(request.json(), "tenant_key");
        if (appToken == null || tenantKey == null) {
            return failure(10003, "invalid param");
        }
        boolean validAppToken = tokens.valid(appToken).filter(t -> t.kind() == IssuedToken.Kind.APP).isPresent();
        if (!validAppToken) {
            return failure(99991664, "app access token invalid");
        }
        if (!tenantKey.equals(state.tenantKey())) {
            // (unverified) the code Lark gives for a tenant that has not installed the app
            return failure(10013, "tenant not found or app not installed by tenant");
        }
        return ok("tenant_access_token", tokens.tenantToken(tenantKey), null);
    }

    private SimResponse resendAppTicket(SimRequest request) {
        SimResponse refused = checkCredentials(request.json());
        if (refused != null) {
            return refused;
        }
        // Lark answers at once and pushes the app_ticket event asynchronously: the events half
        // listens for this activity and does the push
        state.record("app_ticket_resend", appId, List.of(), tokens.appTicket());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 0);
        body.put("msg", "ok");
        return SimResponse.json(200, body);
    }

    private SimResponse checkCredentials(JsonNode body) {
        String id = text(body, "app_id");
        String secret = text(body, "app_secret");
        if (id == null || secret == null || !id.equals(appId)) {
            return failure(10003, "invalid param");
        }
        if (!secret.equals(appSecret)) {
            return failure(10014, "app secret invalid");
        }
        return null;
    }

    private SimResponse ok(String field, IssuedToken token, IssuedToken tenantToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 0);
        body.put("msg", "ok");
        body.put(field, token.value());
        body.put("expire", token.secondsLeft(state.now()));
        if (tenantToken != null) {
            body.put("tenant_access_token", tenantToken.value());
        }
        return SimResponse.json(200, body);
    }

    private static SimResponse failure(int code, String msg) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("msg", msg);
        return SimResponse.json(200, body);
    }

    private static String text(JsonNode body, String field) {
        if (body == null || !body.path(field).isTextual() || body.path(field).asText().isEmpty()) {
            return null;
        }
        return body.path(field).asText();
    }
}
