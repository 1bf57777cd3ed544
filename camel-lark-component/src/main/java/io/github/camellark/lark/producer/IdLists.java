package io.github.camellark.lark.producer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads lists of ids (user ids, member ids, message ids, preview tokens, batch targets) from a List, a comma-separated
 * String or a Map field, and checks their count against Lark's limits, with one error shape: what the list is, the
 * allowed count, the count given.
 */
final class IdLists {

    private IdLists() {
    }

    /**
     * The ids in {@code value}: a Collection or array of ids, a comma-separated String, or a Map holding them under
     * {@code field}; blank ids are dropped. Null when {@code value} holds none of these.
     */
    static List<String> from(Object value, String field) {
        if (value instanceof Map) {
            return from(((Map<?, ?>) value).get(field), field);
        }
        if (value instanceof Collection) {
            List<String> ids = new ArrayList<>();
            for (Object id : (Collection<?>) value) {
                if (id != null && !id.toString().isBlank()) {
                    ids.add(id.toString().trim());
                }
            }
            return ids;
        }
        if (value instanceof Object[]) {
            return from(Arrays.asList((Object[]) value), field);
        }
        if (value instanceof String) {
            return from(Arrays.asList(((String) value).split(",")), field);
        }
        return null;
    }

    /** Fails unless the list has at least one id. */
    static List<String> nonEmpty(List<String> ids, String what) {
        return count(ids, 1, Integer.MAX_VALUE, what);
    }

    /** Fails when the list (which may be null or empty) has more than {@code max} ids. */
    static List<String> atMost(List<String> ids, int max, String what) {
        return count(ids, 0, max, what);
    }

    /** Fails unless the list has between 1 and {@code max} ids. */
    static List<String> check(List<String> ids, int max, String what) {
        return count(ids, 1, max, what);
    }

    private static List<String> count(List<String> ids, int min, int max, String what) {
        int size = ids == null ? 0 : ids.size();
        if (size < min || size > max) {
            String allowed = max == Integer.MAX_VALUE ? "at least " + min + (min == 1 ? " id" : " ids")
                    : (min == 0 ? "at most " + max : min + " to " + max) + " ids";
            throw new IllegalArgumentException(what + " takes " + allowed + ", got " + size);
        }
        return ids;
    }
}
