package dev.bettybridge.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only deep copies of JSON-like Java values (maps, lists, strings, numbers, booleans, nulls). */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * Copies a JSON object deeply into read-only maps and lists, keeping key order and null values.
     *
     * @param value the object to copy
     * @return the read-only copy
     */
    static Map<String, Object> readOnlyCopy(Map<String, Object> value) {
        return copyMap(value);
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copyMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(copy(item));
            }
            return Collections.unmodifiableList(copy);
        }
        // Strings, numbers and booleans are immutable already.
        return value;
    }

    private static Map<String, Object> copyMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            copy.put(String.valueOf(entry.getKey()), copy(entry.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }
}
