package io.hookline.ingest.importers;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The objects of a JSON array, each with the line it starts on, so a dropped record can be found in the file. */
final class JsonRecords {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One element of the array. */
    record Element(String origin, JsonNode node) {}

    private JsonRecords() {}

    /**
     * Reads the array at the top of the file, or under {@code field} of the top object when it is not null
     * ({@code {"data": [...]}}).
     */
    static List<Element> read(Path file, String field) throws IOException, ImportException {
        String name = file.getFileName().toString();
        try (JsonParser parser = MAPPER.createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            if (field != null) {
                if (first != JsonToken.START_OBJECT) {
                    throw new ImportException(name + ":1", "expected a JSON object with a '" + field + "' list");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME
                        && !parser.currentName().equals(field)) {
                    parser.nextToken();
                    parser.skipChildren();
                }
                if (parser.currentToken() != JsonToken.FIELD_NAME) {
                    throw new ImportException(name + ":1", "expected a JSON object with a '" + field + "' list");
                }
                first = parser.nextToken();
            }
            if (first != JsonToken.START_ARRAY) {
                throw new ImportException(name + ":" + line(parser), "expected a JSON list of records");
            }
            List<Element> elements = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String origin = name + ":" + line(parser);
                elements.add(new Element(origin, MAPPER.readTree(parser)));
            }
            return elements;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new ImportException(
                    name + ":" + (l == null ? 1 : l.getLineNr()), "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    /** The text at a path of field names, or null when any step is missing or null. */
    static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String step : path) {
            n = n == null ? null : n.get(step);
        }
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }
}
