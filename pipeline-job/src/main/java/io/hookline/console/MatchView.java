package io.hookline.console;

import java.util.List;

/**
 * What the console knows of one match: its manifest as read (ranked clips), its dead letters, and where it
 * stands. {@code plannedClips} is null until the job has planned the match.
 */
record MatchView(
        String matchId,
        String profileVersion,
        State state,
        Integer plannedClips,
        Integer plannedRenditions,
        int storedRenditions,
        List<Clip> clips,
        List<DeadLetter> deadLetters) {

    enum State {
        /** Files are being written, no manifest yet (a finished match renders before it writes one). */
        RENDERING,
        /** A live match's manifest: the clips so far, ranks provisional. */
        LIVE,
        DONE;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Clip(
            String clipId,
            String kind,
            int rank,
            double score,
            String title,
            long sourceStartMs,
            long sourceEndMs,
            long peakMs,
            String explanation,
            boolean withdrawn,
            List<Segment> segments,
            List<Rendition> renditions,
            List<String> notes,
            List<String> players,
            List<String> teams) {

        long durationMs() {
            return renditions.stream()
                    .filter(Rendition::ok)
                    .mapToLong(Rendition::durationMs)
                    .max()
                    .orElse(0);
        }
    }

    record Segment(String role, long sourceStartMs, long sourceEndMs, double speed) {}

    record Rendition(
            String profile,
            String path,
            int width,
            int height,
            double fps,
            long durationMs,
            long bytes,
            String status,
            String error,
            String thumbnail) {
        boolean ok() {
            return "ok".equals(status) && path != null;
        }
    }

    record DeadLetter(String origin, String reason, String raw) {}

    int renditions() {
        return clips.stream().mapToInt(c -> c.renditions().size()).sum();
    }

    int failedRenditions() {
        return (int) clips.stream()
                .flatMap(c -> c.renditions().stream())
                .filter(r -> !r.ok())
                .count();
    }

    /** The numbers the matches page shows and its live updates carry. */
    Progress progress() {
        int rendered = state == State.RENDERING ? storedRenditions : renditions() - failedRenditions();
        return new Progress(
                matchId,
                state.label(),
                profileVersion == null ? "" : profileVersion,
                plannedClips,
                clips.size(),
                plannedRenditions,
                rendered,
                failedRenditions(),
                deadLetters.size());
    }

    /** One row of the matches page, also sent as JSON over SSE. */
    record Progress(
            String matchId,
            String state,
            String profileVersion,
            Integer plannedClips,
            int clips,
            Integer plannedRenditions,
            int renditions,
            int failed,
            int deadLetters) {}
}
