package io.hookline.render;

import io.hookline.model.ClipPlan;
import io.hookline.model.PlayLabel;
import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds the manifest entries of a render: the plan's facts plus what happened to each rendition. */
public final class RenderResults {

    private RenderResults() {}

    public static RenderedClip clip(ClipPlan plan, List<Rendition> renditions, List<String> notes) {
        return RenderedClip.newBuilder()
                .setClipId(plan.getClipId())
                .setMatchId(plan.getMatchId())
                .setKind(plan.getKind())
                .setRank(plan.getRank())
                .setScore(plan.getScore())
                .setTitle(plan.getTitle())
                .setSourceStartMs(plan.getSourceStartMs())
                .setSourceEndMs(plan.getSourceEndMs())
                .setPeakMs(plan.getPeakMs())
                .setExplanation(plan.getExplanation())
                .setSegments(plan.getSegments())
                .setRenditions(renditions)
                .setNotes(notes.stream().distinct().toList())
                .setPlayers(plan.getLabels().stream()
                        .map(PlayLabel::getPlayer)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList())
                .setTeams(plan.getLabels().stream()
                        .map(PlayLabel::getTeam)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList())
                .build();
    }

    /** One clip of the renders of parts of its renditions: the renditions in the plan's order, every note once. */
    public static RenderedClip joined(ClipPlan plan, List<RenderedClip> parts) {
        Map<String, Rendition> byName = new HashMap<>();
        List<String> notes = new ArrayList<>();
        for (RenderedClip part : parts) {
            part.getRenditions().forEach(r -> byName.put(r.getProfile(), r));
            notes.addAll(part.getNotes());
        }
        return clip(plan, plan.getRenditions().stream().map(byName::get).toList(), notes);
    }

    /** A clip none of whose renditions could be made, for one reason. */
    public static RenderedClip failedClip(ClipPlan plan, String reason) {
        return clip(
                plan,
                plan.getRenditions().stream()
                        .map(name -> failed(name, 0, 0, 0, reason))
                        .toList(),
                plan.getNotes());
    }

    /** A rendition that failed; the frame numbers are what the profile asked for. */
    public static Rendition failed(String profile, int width, int height, double fps, String reason) {
        return Rendition.newBuilder()
                .setProfile(profile)
                .setPath(null)
                .setWidth(width)
                .setHeight(height)
                .setFps(fps)
                .setDurationMs(0)
                .setBytes(0)
                .setSha256(null)
                .setStatus(RenditionStatus.failed)
                .setError(reason == null ? "unknown error" : reason)
                .build();
    }
}
