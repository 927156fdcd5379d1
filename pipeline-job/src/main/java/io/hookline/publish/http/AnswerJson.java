package io.hookline.publish.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** A platform's answer body as JSON, for reading fields that may be missing. */
public final class AnswerJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerJson() {}

    /**
     * The body's JSON; an empty object for an empty body or one that is no JSON (a proxy's HTML error page),
     * so a caller reports the status and the fields it misses instead of a parse error.
     */
    public static JsonNode of(String body) {
        try {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }
}
