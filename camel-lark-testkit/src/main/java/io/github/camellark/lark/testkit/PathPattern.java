package io.github.camellark.lark.testkit;

import java.util.Locale;

/**
 * A method + path pattern as used by {@link Journal} and {@link Faults}: {@code *} matches one
 * path segment, a trailing {@code **} any rest, a method of {@code *} (or null) any method.
 * Example: {@code POST /open-apis/im/v1/messages/*}{@code /reply}.
 */
final class PathPattern {

    private final String method;
    private final String[] segments;

    PathPattern(String method, String pattern) {
        this.method = method == null ? "*" : method.toUpperCase(Locale.ROOT);
        this.segments = split(pattern == null ? "/**" : pattern);
    }

    boolean matches(String requestMethod, String path) {
        if (!method.equals("*") && !method.equalsIgnoreCase(requestMethod)) {
            return false;
        }
        String[] actual = split(path);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals("**")) {
                return true;
            }
            if (i >= actual.length || !(segments[i].equals("*") || segments[i].equals(actual[i]))) {
                return false;
            }
        }
        return actual.length == segments.length;
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
