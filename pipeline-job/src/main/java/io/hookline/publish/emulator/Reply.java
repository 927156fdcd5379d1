package io.hookline.publish.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** An emulator's answer: status, headers and body. */
record Reply(int status, Map<String, String> headers, byte[] body) {

    static Reply json(int status, Object body) {
        return new Reply(status, Map.of("Content-Type", "application/json; charset=UTF-8"), Json.write(body));
    }

    static Reply empty(int status) {
        return new Reply(status, Map.of(), new byte[0]);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, more, body);
    }
}
