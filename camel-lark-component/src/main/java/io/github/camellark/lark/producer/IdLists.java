package io.github.camellark.lark.producer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads lists of ids (user ids, member ids, preview tokens) from a List, a comma-separated String or a Map field. */
final class IdLists {

    private IdLists() {
    }

    /**
     * The ids in {@code value}: a Collection or array of ids, a comma-separated String, or a Map holding them under
     * {@code field}; null when {@code value} holds none of these.
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
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty: give at least one id");
        }
        return ids;
    }

    /** Fails unless the list has between 1 and {@code max} ids. */
    static List<String> check(List<String> ids, int max, String what) {
        if (nonEmpty(ids, what).size() > max) {
            throw new IllegalArgumentException(what + " is limited to " + max + " ids, got " + ids.size());
        }
        return ids;
    }
}
