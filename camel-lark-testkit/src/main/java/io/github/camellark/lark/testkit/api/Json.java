package io.github.camellark.lark.testkit.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small builder for reply objects that keeps Lark's field order. */
final class Json {

    private Json() {
    }

    static Obj obj() {
        return new Obj();
    }

    static final class Obj {
        private final Map<String, Object> map = new LinkedHashMap<>();

        Obj put(String key, Object value) {
            map.put(key, value);
            return this;
        }

        /** Puts the value unless it is null (Lark omits absent optional fields). */
        Obj putIfPresent(String key, Object value) {
            if (value != null) {
                map.put(key, value);
            }
            return this;
        }

        Map<String, Object> map() {
            return map;
        }
    }
}
