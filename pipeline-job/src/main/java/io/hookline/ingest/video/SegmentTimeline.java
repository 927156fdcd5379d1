package io.hookline.ingest.video;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The timeline of a live playlist: every segment ever listed, remembered by media sequence number, so a
 * sliding-window playlist that drops old segments does not move the ones left. The first segment ever seen
 * starts at 0; each next one where the previous one's EXTINF ends (RFC 8216 section 6.2.1).
 *
 * <p>A playlist's media sequence never goes back and never names another segment (section 6.2.2). A reading
 * whose sequence does, that lists fewer segments from the same sequence, or that gives a known number to a new
 * URI comes from an encoder that started again: its segments follow the last one known, as a new
 * discontinuity, instead of being taken for segments already seen. A reading that lists only segments already
 * known, with the same URIs and durations, is a stale copy (a cache) and
 * changes nothing. Thread-safe.
 */
final class SegmentTimeline {

    /**
     * A segment placed on the timeline, its URIs resolved against the playlist.
     *
     * @param key its place on the timeline: its media sequence number, moved past the segments before an
     *     encoder restart
     * @param run its discontinuity sequence on the timeline: segments of different runs are never joined
     */
    record Placed(
            MediaPlaylist.Segment segment, String location, String initLocation, long startUs, long key, long run) {
        long endUs() {
            return startUs + segment.durationUs();
        }

        /** The media sequence number the playlist gives it. */
        long sequence() {
            return segment.sequence();
        }
    }

    private final TreeMap<Long, Placed> segments = new TreeMap<>();
    private boolean ended;
    /** The last reading that was not a stale copy. */
    private MediaPlaylist latest;
    /** What the readings since the last encoder restart add to their sequence and discontinuity numbers. */
    private long keyShift;

    private long runShift;

    /**
     * Adds the segments a new reading of the playlist lists and has not been seen before.
     *
     * @param resolve makes a segment or init URI absolute against the playlist
     * @return whether the timeline grew
     */
    synchronized boolean merge(MediaPlaylist playlist, UnaryOperator<String> resolve) {
        if (playlist.segments().isEmpty() || staleCopy(playlist)) {
            ended |= playlist.ended() && latest != null && playlist.mediaSequence() >= latest.mediaSequence();
            return false;
        }
        if (restarted(playlist)) {
            Placed last = segments.lastEntry().getValue();
            keyShift = last.key() + 1 - playlist.mediaSequence();
            runShift = last.run() + 1 - playlist.segments().get(0).discontinuity();
        }
        latest = playlist;
        boolean grew = false;
        for (MediaPlaylist.Segment segment : playlist.segments()) {
            long key = segment.sequence() + keyShift;
            if (segments.containsKey(key) || (!segments.isEmpty() && key < segments.firstKey())) {
                continue;
            }
            String init = segment.initUri() == null ? null : resolve.apply(segment.initUri());
            segments.put(
                    key,
                    new Placed(
                            segment,
                            resolve.apply(segment.uri()),
                            init,
                            startOf(key, playlist),
                            key,
                            segment.discontinuity() + runShift));
            grew = true;
        }
        ended = playlist.ended();
        return grew;
    }

    /**
     * Whether the encoder started again: the media sequence went back, lists less from the same number, or
     * gives a known number to another segment.
     */
    private boolean restarted(MediaPlaylist playlist) {
        if (latest == null || segments.isEmpty()) {
            return false;
        }
        long before = latest.mediaSequence();
        if (playlist.mediaSequence() < before
                || (playlist.mediaSequence() == before
                        && playlist.segments().size() < latest.segments().size())) {
            return true;
        }
        for (MediaPlaylist.Segment segment : playlist.segments()) {
            Placed known = segments.get(segment.sequence() + keyShift);
            if (known != null && !known.segment().uri().equals(segment.uri())) {
                return true;
            }
        }
        return false;
    }

    /** Whether every segment listed is one already known, under the same URI and duration. */
    private boolean staleCopy(MediaPlaylist playlist) {
        if (latest == null) {
            return false;
        }
        for (MediaPlaylist.Segment segment : playlist.segments()) {
            Placed known = segments.get(segment.sequence() + keyShift);
            if (known == null
                    || !known.segment().uri().equals(segment.uri())
                    || known.segment().durationUs() != segment.durationUs()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where a new segment starts: at 0 for the first, else where the one before ends. Segments a slow reader
     * never saw (they left the sliding window between two readings) are taken to last the target duration.
     */
    private long startOf(long key, MediaPlaylist playlist) {
        if (segments.isEmpty()) {
            return 0;
        }
        Map.Entry<Long, Placed> before = segments.lowerEntry(key);
        long unseen = key - before.getKey() - 1;
        return before.getValue().endUs() + unseen * playlist.targetDurationMs() * 1000;
    }

    /** Where the last known segment ends: how far the video goes. */
    synchronized long endUs() {
        return segments.isEmpty() ? 0 : segments.lastEntry().getValue().endUs();
    }

    synchronized boolean ended() {
        return ended;
    }

    /** The segments that hold any of [startUs, endUs), in order. */
    synchronized List<Placed> overlapping(long startUs, long endUs) {
        List<Placed> found = new ArrayList<>();
        for (Placed placed : segments.values()) {
            if (placed.startUs() < endUs && placed.endUs() > startUs) {
                found.add(placed);
            }
        }
        return found;
    }

    /**
     * The video time shown at a wall-clock instant, from the EXT-X-PROGRAM-DATE-TIME tags: each dated segment
     * starts a run of segments whose times follow its date, up to the next date or discontinuity. Empty when
     * no segment was recorded at that instant: before the first date, in a gap where the dates jump, past the
     * live edge, or when the playlist carries no dates.
     */
    /**
     * The wall-clock instant at which the last segment ends, from its run's date; empty when it is undated
     * (no dates at all, or none since its discontinuity).
     */
    synchronized Optional<Instant> datedUntil() {
        List<Dated> dated = dated();
        Dated last = dated.isEmpty() ? null : dated.get(dated.size() - 1);
        return last == null || last.start() == null
                ? Optional.empty()
                : Optional.of(last.start().plus(last.placed().segment().durationUs(), ChronoUnit.MICROS));
    }

    synchronized OptionalLong videoMsAt(Instant instant) {
        for (Dated d : dated()) {
            if (d.start() == null) {
                continue;
            }
            Instant end = d.start().plus(d.placed().segment().durationUs(), ChronoUnit.MICROS);
            if (!instant.isBefore(d.start()) && instant.isBefore(end)) {
                return OptionalLong.of((d.placed().startUs() + ChronoUnit.MICROS.between(d.start(), instant)) / 1000);
            }
        }
        return OptionalLong.empty();
    }

    /** A segment and the wall-clock instant it starts at, null when it is undated. */
    private record Dated(Placed placed, Instant start) {}

    /**
     * Every segment with its start on the wall clock: a dated segment starts at its date, the segments after
     * it follow on, up to the next date or discontinuity.
     */
    private List<Dated> dated() {
        List<Dated> dated = new ArrayList<>(segments.size());
        Instant anchorDate = null;
        long anchorUs = 0;
        long anchorRun = Long.MIN_VALUE;
        for (Placed placed : segments.values()) {
            Instant date = placed.segment().programDateTime();
            if (date != null) {
                anchorDate = date;
                anchorUs = placed.startUs();
            } else if (placed.run() != anchorRun) {
                // Timestamps and clocks may both start again at a discontinuity: an undated segment after one is
                // unplaced.
                anchorDate = null;
            }
            anchorRun = placed.run();
            dated.add(new Dated(
                    placed,
                    anchorDate == null ? null : anchorDate.plus(placed.startUs() - anchorUs, ChronoUnit.MICROS)));
        }
        return dated;
    }
}
