package io.github.camellark.lark.testkit.auth;

import io.github.camellark.lark.testkit.http.LarkError;
import io.github.camellark.lark.testkit.http.SimRequest;
import io.github.camellark.lark.testkit.state.Sender;
import io.github.camellark.lark.testkit.state.SimulatorState;

/**
 * The gateway's token check for business calls. The HTTP status that goes with these codes is
 * (unverified) in Lark's docs; the simulator answers 400 like the other business errors.
 */
public final class Authenticator {

    private final TokenService tokens;
    private final SimulatorState state;

    public Authenticator(TokenService tokens, SimulatorState state) {
        this.tokens = tokens;
        this.state = state;
    }

    /** The caller: the app's bot for tenant tokens, the user for user tokens. */
    public Sender authenticate(SimRequest request) {
        String header = request.header("Authorization");
        String token = header == null ? "" : header.trim();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).trim();
        } else if (!token.isEmpty()) {
            token = "";
        }
        if (token.isEmpty()) {
            throw new LarkError(400, 99991661,
                    "Missing access token for authorization. Please make a request with token attached.");
        }
        if (!token.startsWith("t-") && !token.startsWith("u-") && !token.startsWith("a-")) {
            throw new LarkError(400, 99991671, "Invalid access token format: it must start with 't-' or 'u-'.");
        }
        IssuedToken issued = tokens.valid(token).orElse(null);
        if (issued == null && token.startsWith("u-")) {
            throw new LarkError(400, 99991668, "Invalid access token for authorization. Please make a request with token attached.");
        }
        if (issued == null || issued.kind() == IssuedToken.Kind.APP) {
            throw new LarkError(400, 99991663, "Invalid access token for authorization. Please make a request with token attached.");
        }
        return issued.kind() == IssuedToken.Kind.USER ? Sender.user(issued.user()) : state.bot();
    }
}
