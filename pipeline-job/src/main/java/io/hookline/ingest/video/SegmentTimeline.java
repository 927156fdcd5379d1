package io.hookline.ingest.video;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The timeline of a live playlist: every segment ever listed, remembered by media sequence number, so a
 * sliding-window playlist that drops old segments does not move the ones left. The first segment ever seen
 * starts at 0; each next one where the previous one's EXTINF ends (RFC 8216 section 6.2.1). Thread-safe.
 */
final class SegmentTimeline {

    /** A segment placed on the timeline, its URIs resolved against the playlist. */
    record Placed(MediaPlaylist.Segment segment, String location, String initLocation, long startUs) {
        long endUs() {
            return startUs + segment.durationUs();
        }

        long sequence() {
            return segment.sequence();
        }
    }

    private final TreeMap<Long, Placed> segments = new TreeMap<>();
    private boolean ended;

    /**
     * Adds the segments a new reading of the playlist lists and has not been seen before.
     *
     * @param resolve makes a segment or init URI absolute against the playlist
     * @return whether the timeline grew
     */
    synchronized boolean merge(MediaPlaylist playlist, UnaryOperator<String> resolve) {
        boolean grew = false;
        for (MediaPlaylist.Segment segment : playlist.segments()) {
            long sequence = segment.sequence();
            if (segments.containsKey(sequence) || (!segments.isEmpty() && sequence < segments.firstKey())) {
                continue;
            }
            String init = segment.initUri() == null ? null : resolve.apply(segment.initUri());
            segments.put(sequence, new Placed(segment, resolve.apply(segment.uri()), init, startOf(sequence, playlist)));
            grew = true;
        }
        ended = playlist.ended();
        return grew;
    }

    /**
     * Where a new segment starts: at 0 for the first, else where the one before ends. Segments a slow reader
     * never saw (they left the sliding window between two readings) are taken to last the target duration.
     */
    private long startOf(long sequence, MediaPlaylist playlist) {
        if (segments.isEmpty()) {
            return 0;
        }
        Map.Entry<Long, Placed> before = segments.lowerEntry(sequence);
        long unseen = sequence - before.getKey() - 1;
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
     * The video time shown at a wall-clock instant, from the nearest EXT-X-PROGRAM-DATE-TIME at or before it
     * (or the first one, for an instant before them all); empty when the playlist carries no dates.
     */
    synchronized OptionalLong videoMsAt(Instant instant) {
        Placed anchor = null;
        for (Placed placed : segments.values()) {
            Instant date = placed.segment().programDateTime();
            if (date != null && (anchor == null || !date.isAfter(instant))) {
                anchor = placed;
            }
        }
        if (anchor == null) {
            return OptionalLong.empty();
        }
        long offsetMs = Duration.between(anchor.segment().programDateTime(), instant).toMillis();
        return OptionalLong.of(anchor.startUs() / 1000 + offsetMs);
    }
}
