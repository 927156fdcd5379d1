package io.hookline.publish.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON in and out for the emulators: answers are built as ordered maps, so they read like the docs' examples. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** An ordered object from key, value, key, value… */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass(), e);
        }
    }

    /** Parses a request body; a body that is not a JSON object is the client's fault, answered as a 400. */
    static JsonNode read(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new Refusal(400, "invalid_request", "the body is not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new Refusal(400, "invalid_request", "the body must be a JSON object");
        }
        return node;
    }
}
