package io.hookline.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.model.ClipPlan;
import io.hookline.model.DeadLetter;
import io.hookline.model.DeadLetterBatch;
import io.hookline.model.MatchManifest;
import io.hookline.model.PlanBatch;
import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import io.hookline.model.Segment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The files a match's output is described by: manifest.json and manifest.avro (the same clips, ranked),
 * and dead-letters.jsonl. The JSON is written field by field so its shape is the documented contract,
 * whatever the Avro schema grows.
 */
public final class ManifestFiles {
    public static final String MANIFEST_JSON = "manifest.json";
    public static final String MANIFEST_AVRO = "manifest.avro";
    public static final String DEAD_LETTERS = "dead-letters.jsonl";
    public static final String PLAN = "plan.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestFiles() {}

    public static byte[] json(MatchManifest manifest) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("matchId", manifest.getMatchId());
        root.put("profileVersion", manifest.getProfileVersion());
        if (!manifest.getRanksFinal()) {
            // A live match's manifest: the clips so far, ranked among themselves.
            root.put("ranksFinal", false);
        }
        int renditions = 0;
        int failed = 0;
        for (RenderedClip c : manifest.getClips()) {
            for (Rendition r : c.getRenditions()) {
                renditions++;
                failed += r.getStatus() == RenditionStatus.failed ? 1 : 0;
            }
        }
        ObjectNode summary = root.putObject("summary")
                .put("clips", manifest.getClips().size())
                .put("renditions", renditions)
                .put("failed", failed);
        if (manifest.getPlannedClips() != null) {
            // What the plan holds so far: progress is the clips above out of these.
            summary.put("plannedClips", manifest.getPlannedClips())
                    .put("plannedRenditions", manifest.getPlannedRenditions());
        }
        ArrayNode clips = root.putArray("clips");
        for (RenderedClip c : manifest.getClips()) {
            clips.add(clip(c));
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode clip(RenderedClip c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("clipId", c.getClipId());
        o.put("kind", c.getKind().name());
        o.put("rank", c.getRank());
        o.put("score", Math.round(c.getScore() * 1000) / 1000.0);
        o.put("title", c.getTitle());
        o.put("sourceStartMs", c.getSourceStartMs());
        o.put("sourceEndMs", c.getSourceEndMs());
        o.put("peakMs", c.getPeakMs());
        o.put("explanation", c.getExplanation());
        if (c.getProfileVersion() != null) {
            // A live clip: the job may take a new profile version while the match goes on.
            o.put("profileVersion", c.getProfileVersion());
        }
        if (c.getWithdrawn()) {
            o.put("withdrawn", true);
            o.put("replacedBy", c.getReplacedBy());
        }
        ArrayNode segments = o.putArray("segments");
        for (Segment s : c.getSegments()) {
            segments.addObject()
                    .put("role", s.getRole().name())
                    .put("sourceStartMs", s.getSourceStartMs())
                    .put("sourceEndMs", s.getSourceEndMs())
                    .put("speed", s.getSpeed());
        }
        ArrayNode renditions = o.putArray("renditions");
        for (Rendition r : c.getRenditions()) {
            ObjectNode ro = renditions.addObject();
            ro.put("profile", r.getProfile());
            ro.put("path", r.getPath());
            ro.put("width", r.getWidth());
            ro.put("height", r.getHeight());
            ro.put("fps", r.getFps());
            ro.put("durationMs", r.getDurationMs());
            ro.put("bytes", r.getBytes());
            ro.put("sha256", r.getSha256());
            ro.put("status", r.getStatus().name());
            if (r.getError() != null) {
                ro.put("error", r.getError());
            }
            if (r.getThumbnail() != null) {
                ro.put("thumbnail", r.getThumbnail());
            }
        }
        ArrayNode notes = o.putArray("notes");
        c.getNotes().forEach(notes::add);
        ArrayNode players = o.putArray("players");
        c.getPlayers().forEach(players::add);
        ArrayNode teams = o.putArray("teams");
        c.getTeams().forEach(teams::add);
        return o;
    }

    public static byte[] avro(MatchManifest manifest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<RenderedClip> writer =
                new DataFileWriter<>(new SpecificDatumWriter<>(RenderedClip.class))) {
            writer.create(RenderedClip.getClassSchema(), out);
            for (RenderedClip c : manifest.getClips()) {
                writer.append(c);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A match's ranked plan: each clip with its score, reasons, segments and renditions. */
    public static byte[] plan(PlanBatch batch) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("matchId", batch.getMatchId());
        ArrayNode clips = root.putArray("clips");
        for (ClipPlan p : batch.getPlans()) {
            ObjectNode o = clips.addObject();
            o.put("clipId", p.getClipId());
            o.put("kind", p.getKind().name());
            o.put("rank", p.getRank());
            o.put("score", Math.round(p.getScore() * 1000) / 1000.0);
            o.put("title", p.getTitle());
            o.put("explanation", p.getExplanation());
            o.put("sourceStartMs", p.getSourceStartMs());
            o.put("sourceEndMs", p.getSourceEndMs());
            o.put("peakMs", p.getPeakMs());
            ArrayNode segments = o.putArray("segments");
            for (Segment s : p.getSegments()) {
                segments.addObject()
                        .put("role", s.getRole().name())
                        .put("sourceStartMs", s.getSourceStartMs())
                        .put("sourceEndMs", s.getSourceEndMs())
                        .put("speed", s.getSpeed());
            }
            ArrayNode renditions = o.putArray("renditions");
            p.getRenditions().forEach(renditions::add);
            ArrayNode notes = o.putArray("notes");
            p.getNotes().forEach(notes::add);
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One JSON object per dead letter, in feed order. */
    public static byte[] deadLetters(DeadLetterBatch batch) {
        StringBuilder lines = new StringBuilder();
        for (DeadLetter d : batch.getLetters()) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("matchId", d.getMatchId());
            o.put("origin", d.getOrigin());
            o.put("reason", d.getReason());
            o.put("raw", d.getRaw());
            lines.append(o).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }
}
