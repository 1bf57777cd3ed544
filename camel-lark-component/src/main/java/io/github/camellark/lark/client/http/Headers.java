package io.github.camellark.lark.client.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Header names and values of a reply, names compared without case as HTTP wants. Values may hold credentials. */
public interface Headers {

    Headers EMPTY = of(List.of());

    /** The first value of the header, or null. */
    String first(String name);

    /** A copy of name/value pairs; a repeated name keeps every value in order. */
    static Headers of(Iterable<Map.Entry<String, String>> entries) {
        Map<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> entry : entries) {
            values.computeIfAbsent(entry.getKey(), k -> new ArrayList<>(1)).add(entry.getValue());
        }
        return new Copied(Collections.unmodifiableMap(values));
    }

    /** Headers held in a map of their own. */
    record Copied(Map<String, List<String>> values) implements Headers {
        @Override
        public String first(String name) {
            List<String> all = values.get(name);
            return all == null || all.isEmpty() ? null : all.get(0);
        }

        /** The header names, which may be printed; values may hold credentials and are not. */
        @Override
        public String toString() {
            return "Headers" + values.keySet();
        }
    }
}
