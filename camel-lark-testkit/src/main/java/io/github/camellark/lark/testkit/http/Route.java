package io.github.camellark.lark.testkit.http;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A method + path template ({@code /open-apis/im/v1/messages/{message_id}/reply}) or, for routes
 * added from outside, a method + path prefix. {@code "*"} matches any method.
 */
final class Route {

    private final String method;
    private final String[] segments;
    private final boolean prefix;
    private final boolean authenticated;
    private final SimHandler handler;

    private Route(String method, String path, boolean prefix, boolean authenticated, SimHandler handler) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.segments = split(path);
        this.prefix = prefix;
        this.authenticated = authenticated;
        this.handler = handler;
    }

    static Route template(String method, String template, boolean authenticated, SimHandler handler) {
        return new Route(method, template, false, authenticated, handler);
    }

    static Route prefix(String method, String prefix, SimHandler handler) {
        return new Route(method, prefix, true, false, handler);
    }

    /** Path parameters when the route matches, else {@code null}. */
    Map<String, String> match(String requestMethod, String path) {
        if (!method.equals("*") && !method.equalsIgnoreCase(requestMethod)) {
            return null;
        }
        String[] actual = split(path);
        if (prefix ? actual.length < segments.length : actual.length != segments.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String expected = segments[i];
            if (!prefix && expected.startsWith("{") && expected.endsWith("}")) {
                params.put(expected.substring(1, expected.length() - 1), actual[i]);
            } else if (!expected.equals(actual[i])) {
                return null;
            }
        }
        return params;
    }

    int length() {
        return segments.length;
    }

    boolean authenticated() {
        return authenticated;
    }

    SimHandler handler() {
        return handler;
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
