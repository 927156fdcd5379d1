package io.hookline.ingest.video;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HLS attribute list (RFC 8216 section 4.2): {@code NAME=value,NAME="quoted, value"}. */
final class Attributes {

    private Attributes() {}

    static Map<String, String> parse(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            int equals = text.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String name = text.substring(i, equals).strip();
            int end;
            String value;
            if (equals + 1 < text.length() && text.charAt(equals + 1) == '"') {
                int close = text.indexOf('"', equals + 2);
                close = close < 0 ? text.length() : close;
                value = text.substring(equals + 2, close);
                end = text.indexOf(',', close);
            } else {
                end = text.indexOf(',', equals);
                value = text.substring(equals + 1, end < 0 ? text.length() : end)
                        .strip();
            }
            attributes.put(name, value);
            i = end < 0 ? text.length() : end + 1;
        }
        return attributes;
    }
}
