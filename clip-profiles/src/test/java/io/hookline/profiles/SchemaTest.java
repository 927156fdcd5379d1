package io.hookline.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.hookline.vocabulary.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schemas editors' tools use (completion and checks in the editor) agree with the loader: every
 * shipped file passes, typical mistakes fail, and both accept exactly the same keys and the same names.
 */
class SchemaTest {

    private static final Path MODULE_DIR = Path.of(".");
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each kind of file, the schema it names, and the top-level key its trace paths start with ("" for rules). */
    private enum Kind {
        RULES("rules.schema.json"),
        PROFILES("profiles.schema.json"),
        GRAPHICS("graphics.schema.json"),
        DESTINATIONS("destinations.schema.json");

        final String schema;

        Kind(String schema) {
            this.schema = schema;
        }

        static Kind of(String file) {
            return file.startsWith("rules/")
                    ? RULES
                    : file.startsWith("profiles/")
                            ? PROFILES
                            : file.startsWith("destinations/") ? DESTINATIONS : GRAPHICS;
        }

        static Kind ofTracePath(String path) {
            String top = path.split("\\.")[0];
            if (top.equals(DestinationBinder.TOP_KEY) || top.equals(DestinationBinder.PLATFORMS_KEY)) {
                return DESTINATIONS;
            }
            return top.equals(RenditionBinder.TOP_KEY)
                    ? PROFILES
                    : top.equals(GraphicsBinder.TOP_KEY) ? GRAPHICS : RULES;
        }
    }

    static Stream<String> shippedYaml() {
        return ProfileFiles.SHIPPED.stream().filter(name -> name.endsWith(".yaml"));
    }

    @ParameterizedTest
    @MethodSource("shippedYaml")
    void everyShippedFileNamesItsSchemaOnItsFirstLine(String file) throws IOException {
        assertThat(Files.readAllLines(MODULE_DIR.resolve(file)).get(0))
                .isEqualTo("# yaml-language-server: $schema=../schema/" + Kind.of(file).schema);
    }

    @ParameterizedTest
    @MethodSource("shippedYaml")
    void everyShippedFilePassesItsSchema(String file) throws IOException {
        assertThat(errors(Kind.of(file), Files.readString(MODULE_DIR.resolve(file))))
                .isEmpty();
    }

    record Bad(String name, Kind kind, String yaml, String error) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> badFiles() {
        return Stream.of(
                new Bad("misspelt key", Kind.PROFILES, ProfileFiles.PROFILE.replace("fps:", "fsp:"), "fsp"),
                new Bad("unquoted level", Kind.PROFILES, ProfileFiles.PROFILE.replace("\"3.1\"", "3.1"), "/level"),
                new Bad(
                        "safe zone without a unit",
                        Kind.PROFILES,
                        ProfileFiles.PROFILE.replace("top: 10%", "top: 10"),
                        "/safeZone/top"),
                new Bad(
                        "complete rendition without video",
                        Kind.PROFILES,
                        ProfileFiles.PROFILE.replaceAll("(?s)    video:.*?    audio:", "    audio:"),
                        "video"),
                new Bad(
                        "rendition name with capitals",
                        Kind.PROFILES,
                        ProfileFiles.PROFILE.replace("  test:", "  Test:"),
                        "Test"),
                new Bad(
                        "unknown placeholder",
                        Kind.GRAPHICS,
                        ProfileFiles.GRAPHICS.replace("{player}", "{playr}"),
                        "/lowerThird/text"),
                new Bad(
                        "short colour",
                        Kind.GRAPHICS,
                        ProfileFiles.GRAPHICS.replace("\"#ffffff\"", "\"#fff\""),
                        "/textColor"),
                new Bad(
                        "height in pixels",
                        Kind.GRAPHICS,
                        ProfileFiles.GRAPHICS.replace("height: 5%", "height: 50px"),
                        "/height"),
                new Bad(
                        "enabled element missing a key",
                        Kind.GRAPHICS,
                        ProfileFiles.GRAPHICS.replace("      opacity: 0.8\n", ""),
                        "opacity"),
                new Bad("unknown event type", Kind.RULES, ProfileFiles.RULES.replace("GOAL:", "GAOL:"), "GAOL"),
                new Bad(
                        "clip without rolls",
                        Kind.RULES,
                        ProfileFiles.RULES.replace(", preRollSeconds: 8, postRollSeconds: 5", ""),
                        "preRollSeconds"),
                new Bad(
                        "unknown platform",
                        Kind.DESTINATIONS,
                        ProfileFiles.DESTINATION.replace("platform: whatsapp", "platform: whatsap"),
                        "/platform"),
                new Bad(
                        "two sources of credentials",
                        Kind.DESTINATIONS,
                        ProfileFiles.DESTINATION.replace(
                                "env: HOOKLINE_TOKEN", "{env: HOOKLINE_TOKEN, file: /run/token}"),
                        "/credentials"),
                new Bad(
                        "a literal token",
                        Kind.DESTINATIONS,
                        ProfileFiles.DESTINATION.replace("approval: true", "approval: true\n    token: abc"),
                        "token"),
                new Bad(
                        "unknown placeholder in a title",
                        Kind.DESTINATIONS,
                        ProfileFiles.DESTINATION.replace("{player}", "{playr}"),
                        "/title"),
                new Bad(
                        "unknown clip kind",
                        Kind.DESTINATIONS,
                        ProfileFiles.DESTINATION.replace("[play]", "[highlight]"),
                        "/kinds"),
                new Bad(
                        "destination without a quota",
                        Kind.DESTINATIONS,
                        ProfileFiles.DESTINATION.replaceAll("(?s)    quota:.*?    privacy", "    privacy"),
                        "quota"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void theSchemasRejectTypicalMistakes(Bad bad) {
        assertThat(errors(bad.kind(), bad.yaml()))
                .map(Error::toString)
                .anySatisfy(e -> assertThat(e).contains(bad.error()));
    }

    @Test
    void theSchemasAcceptTheSmallTestSet() {
        assertThat(errors(Kind.RULES, ProfileFiles.RULES)).isEmpty();
        assertThat(errors(Kind.PROFILES, ProfileFiles.PROFILE)).isEmpty();
        assertThat(errors(Kind.GRAPHICS, ProfileFiles.GRAPHICS)).isEmpty();
        assertThat(errors(Kind.DESTINATIONS, ProfileFiles.DESTINATION)).isEmpty();
    }

    /**
     * The loader's keys are the ones its binders ask for, which they do whatever a file holds; loading the
     * shipped set (which writes every map at least once, but for the live-only rolling compilation, added
     * here) therefore traces every key the loader accepts.
     */
    @Test
    void theSchemasAllowExactlyTheKeysTheLoaderAccepts(@TempDir Path dir) throws IOException, ProfileException {
        for (String file : ProfileFiles.SHIPPED) {
            Files.createDirectories(dir.resolve(file).getParent());
            Files.copy(MODULE_DIR.resolve(file), dir.resolve(file));
        }
        Path rules = dir.resolve(ProfileFiles.RULES_FILE);
        String teaser = "  teaser: {cuts: 4}";
        assertThat(Files.readString(rules)).contains(teaser);
        Files.writeString(
                rules,
                Files.readString(rules)
                        .replace(
                                teaser,
                                teaser + "\n  soFar: {everyMinutes: 15, plays: 6, maxSeconds: 45, minPlays: 3}"));
        List<Setting> trace = ProfileLoader.read(dir).trace();
        for (Kind kind : Kind.values()) {
            JsonNode schema = schema(kind);
            Set<String> loader = trace.stream()
                    .map(Setting::path)
                    .filter(path -> Kind.ofTracePath(path) == kind)
                    .map(path -> pattern(schema, path))
                    .filter(path -> !path.endsWith("*"))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> schemaKeys = new TreeSet<>();
            keys(schema, schema, "", schemaKeys);

            assertThat(loader).as(kind.schema).isEqualTo(schemaKeys);
        }
    }

    @Test
    void theSchemasListTheNamesTheLoaderKnows() throws IOException {
        JsonNode profiles = schema(Kind.PROFILES).path("$defs");
        JsonNode graphics = schema(Kind.GRAPHICS).path("$defs");
        JsonNode destinations = schema(Kind.DESTINATIONS).path("$defs");
        Map<JsonNode, List<?>> enums = Map.ofEntries(
                Map.entry(profiles.at("/video/properties/fit/enum"), RenditionBinder.FITS),
                Map.entry(profiles.at("/video/properties/reframe/enum"), RenditionBinder.REFRAMES),
                Map.entry(profiles.at("/video/properties/codec/enum"), RenditionBinder.CODECS),
                Map.entry(profiles.at("/video/properties/profile/enum"), RenditionBinder.H264_PROFILES),
                Map.entry(profiles.at("/video/properties/level/enum"), RenditionBinder.H264_LEVELS),
                Map.entry(profiles.at("/video/properties/preset/enum"), RenditionBinder.X264_PRESETS),
                Map.entry(profiles.at("/audio/properties/sampleRate/enum"), RenditionBinder.SAMPLE_RATES),
                Map.entry(profiles.at("/container/properties/format/enum"), RenditionBinder.CONTAINERS),
                Map.entry(graphics.at("/scoreBug/properties/anchor/enum"), GraphicsBinder.ANCHORS),
                Map.entry(graphics.at("/caption/properties/source/enum"), GraphicsBinder.CAPTION_SOURCES),
                Map.entry(destinations.at("/platformName/enum"), DestinationBinder.PLATFORMS),
                Map.entry(destinations.at("/privacy/enum"), DestinationBinder.PRIVACIES),
                Map.entry(destinations.at("/platform/properties/quotaPer/enum"), DestinationBinder.QUOTA_SCOPES),
                Map.entry(
                        destinations.at("/destination/properties/takes/properties/kinds/items/enum"),
                        DestinationBinder.CLIP_KINDS),
                Map.entry(
                        schema(Kind.RULES).at("/properties/events/propertyNames/enum"),
                        Arrays.stream(EventType.values()).map(Enum::name).toList()));

        enums.forEach((schemaEnum, loader) -> assertThat(StreamSupport.stream(schemaEnum.spliterator(), false)
                        .map(node -> node.isNumber() ? (Object) node.intValue() : node.textValue())
                        .toList())
                .isEqualTo(loader));
        // The text pattern spells out the placeholders.
        String pattern = graphics.at("/lowerThird/properties/text/pattern").textValue();
        assertThat(pattern).contains("(" + String.join("|", Placeholder.tokens()) + ")");
        assertThat(destinations.at("/text/pattern").textValue()).isEqualTo(pattern);
        assertThat(destinations
                        .at("/destination/properties/credentials/properties")
                        .properties())
                .map(Map.Entry::getKey)
                .containsExactlyElementsOf(DestinationBinder.CREDENTIAL_KEYS);
    }

    /** A trace path with each name an editor chose (where the schema has additionalProperties) as '*'. */
    private static String pattern(JsonNode root, String path) {
        List<String> out = new ArrayList<>();
        JsonNode schema = root;
        for (String key : path.split("\\.")) {
            JsonNode property = schema.path("properties").path(key);
            if (!property.isMissingNode()) {
                out.add(key);
                schema = resolve(root, property);
            } else if (schema.path("additionalProperties").isObject()) {
                out.add("*");
                schema = resolve(root, schema.path("additionalProperties"));
            } else {
                out.add(key);
                schema = JSON.missingNode();
            }
        }
        return String.join(".", out);
    }

    /** Every fixed key the schema allows, as a dotted path with '*' for editor-chosen names. */
    private static void keys(JsonNode root, JsonNode schema, String prefix, Set<String> into) {
        schema.path("properties").properties().forEach(property -> {
            into.add(prefix + property.getKey());
            keys(root, resolve(root, property.getValue()), prefix + property.getKey() + ".", into);
        });
        if (schema.path("additionalProperties").isObject()) {
            keys(root, resolve(root, schema.path("additionalProperties")), prefix + "*.", into);
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        return schema.has("$ref") ? root.at(schema.get("$ref").textValue().substring(1)) : schema;
    }

    private static JsonNode schema(Kind kind) throws IOException {
        return JSON.readTree(MODULE_DIR.resolve("schema").resolve(kind.schema).toFile());
    }

    private static List<Error> errors(Kind kind, String yaml) {
        try {
            Schema schema = SCHEMAS.getSchema(
                    Files.readString(MODULE_DIR.resolve("schema").resolve(kind.schema)));
            return schema.validate(yaml, InputFormat.YAML);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
