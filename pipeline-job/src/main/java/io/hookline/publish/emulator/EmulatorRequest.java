package io.hookline.publish.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One request as an emulator's handler sees it: the body already read, parameters decoded. */
final class EmulatorRequest {
    final String method;
    final String path;
    final Map<String, String> query;
    final Headers headers;
    final byte[] body;

    EmulatorRequest(String method, String path, String rawQuery, Headers headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.query = decodeForm(rawQuery);
        this.headers = headers;
        this.body = body;
    }

    boolean is(String method, String path) {
        return this.method.equals(method) && this.path.equals(path);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.getFirst(name));
    }

    String contentType() {
        return header("Content-Type").orElse("");
    }

    /** A header the protocol requires; its absence is a 400 with {@code code}. */
    String requireHeader(String name, String code) {
        return header(name)
                .filter(v -> !v.isBlank())
                .orElseThrow(() -> new Refusal(400, code, "missing header " + name));
    }

    Optional<String> bearerToken() {
        return header("Authorization")
                .filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(a -> a.substring(7).trim());
    }

    JsonNode json() {
        return Json.read(body);
    }

    Multipart multipart() {
        return Multipart.parse(contentType(), body);
    }

    /**
     * Query parameters merged with a form body (urlencoded or multipart text fields): Graph and X accept a
     * parameter in either place.
     */
    Map<String, String> params() {
        Map<String, String> all = new LinkedHashMap<>(query);
        String type = contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            all.putAll(decodeForm(new String(body, StandardCharsets.UTF_8)));
        } else if (type.startsWith("multipart/form-data")) {
            Multipart form = multipart();
            form.names().forEach(n -> form.field(n).ifPresent(v -> all.putIfAbsent(n, v)));
        }
        return all;
    }

    static Map<String, String> decodeForm(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(
                    URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }
}
