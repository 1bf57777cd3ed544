package io.github.camellark.lark.client.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Header names and values, names compared without case as HTTP wants. */
public final class Headers {

    public static final Headers EMPTY = new Headers(Map.of());

    private final Map<String, List<String>> values;

    private Headers(Map<String, List<String>> values) {
        this.values = values;
    }

    /** A copy of name/value pairs; a repeated name keeps every value in order. */
    public static Headers of(Iterable<Map.Entry<String, String>> entries) {
        Map<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> entry : entries) {
            values.computeIfAbsent(entry.getKey(), k -> new ArrayList<>(1)).add(entry.getValue());
        }
        return new Headers(Collections.unmodifiableMap(values));
    }

    /** The first value of the header, or null. */
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
