package io.hookline.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a live job that reads a profile store says about it, in {@code OUT/_profiles/status.json}: the version
 * its new clips are planned with, and the last version it refused with that version's problems (until a later
 * version is taken). The console shows it; the folder's leading underscore keeps it out of the match list.
 *
 * @param store where the job reads its profile versions
 * @param running the version new clips are planned with
 * @param refused the last version refused since {@code running} was taken, or null
 * @param problems the refused version's problems, as {@code file:line:column: message}
 * @param at when the status was written, ISO-8601
 */
public record ProfileStatus(String store, String running, String refused, List<String> problems, String at) {
    public static final String FOLDER = "_profiles";
    public static final String FILE = "status.json";
    public static final String KEY = FOLDER + "/" + FILE;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ProfileStatus {
        problems = List.copyOf(problems);
    }

    public byte[] json() {
        ObjectNode root = JSON.createObjectNode().put("store", store).put("running", running);
        if (refused != null) {
            root.putObject("refused").put("version", refused).putPOJO("problems", problems);
        }
        root.put("at", at);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ProfileStatus parse(byte[] json) throws IOException {
        JsonNode root = JSON.readTree(json);
        List<String> problems = new ArrayList<>();
        root.path("refused").path("problems").forEach(p -> problems.add(p.asText()));
        return new ProfileStatus(
                root.path("store").asText(null),
                root.path("running").asText(null),
                root.path("refused").path("version").asText(null),
                problems,
                root.path("at").asText(null));
    }
}
