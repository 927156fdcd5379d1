package io.hookline.ingest.video;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Joins the fMP4 fragments of a window across discontinuities, as {@link TsRuns} does for MPEG-TS. The window's
 * file holds the init segment of its first segment; the first run keeps its times, and each later run's base
 * media decode times (every track's tfdt, and the earliest presentation time of each sidx, which FFmpeg's
 * demuxer seeks by) move by one amount of time, in each box's own timescale, so that its first video frame falls
 * where the playlist places its segment. A later segment may name another init segment, as a restarted packager
 * does: its fragments are read under the window's init segment when both describe the same tracks alike, each
 * track moved as much more as keeps it where its own init segment's edit lists show it beside the video.
 */
final class Mp4Runs implements SegmentRuns {

    /** Reads an init segment by its location. */
    interface Inits {
        byte[] read(String location) throws IOException;
    }

    /** Where the video frames of a segment are shown, in video ticks, and the step between them. */
    private record Shown(long first, long last, long frame) {}

    private final Inits inits;
    private final String initLocation;
    private final Mp4Movie movie;
    private final Mp4Movie.Track video;
    private final long originTicks;
    private final long originUs;
    private long run;
    /** The init segment of the segments joined last, known to read the same as the window's. */
    private String runInit;

    private Mp4Movie runMovie;
    /** What the current run is moved by, in video ticks. */
    private long shiftTicks;
    /** The latest video time so far on the window's timeline, and the step between frames. */
    private long lastTicks = Long.MIN_VALUE;

    private long frameTicks;

    private Mp4Runs(
            Inits inits,
            String initLocation,
            Mp4Movie movie,
            Mp4Movie.Track video,
            Shown first,
            long originUs,
            long run) {
        this.inits = inits;
        this.initLocation = initLocation;
        this.runInit = initLocation;
        this.runMovie = movie;
        this.movie = movie;
        this.video = video;
        this.originTicks = first.first();
        this.originUs = originUs;
        this.run = run;
        follow(first);
    }

    /** Starts a window at its first readable segment; empty when it has no video fragment with a tfdt. */
    static Optional<Mp4Runs> startingAt(SegmentTimeline.Placed placed, byte[] data, Inits inits) throws IOException {
        byte[] init = inits.read(placed.initLocation());
        Mp4Movie movie;
        Optional<Mp4Movie.Track> video;
        Shown shown;
        try {
            movie = Mp4Movie.ofFile(init);
            video = movie.video();
            shown = video.isEmpty()
                    ? null
                    : shown(trafs(data, movie), video.get().id());
        } catch (IndexOutOfBoundsException e) {
            return Optional.empty(); // a box too short for its fields: nothing to time the window by
        }
        return shown == null
                ? Optional.empty()
                : Optional.of(new Mp4Runs(
                        inits, placed.initLocation(), movie, video.get(), shown, placed.startUs(), placed.run()));
    }

    @Override
    public byte[] join(SegmentTimeline.Placed placed, byte[] data) throws Unjoinable {
        if (placed.initLocation() == null) {
            throw new Unjoinable("fMP4: the segment after it has no init segment (EXT-X-MAP)");
        }
        if (!placed.initLocation().equals(runInit)) {
            sameTracks(placed.initLocation());
        }
        List<TrackFragment> trafs;
        try {
            trafs = trafs(data, movie);
        } catch (IndexOutOfBoundsException e) {
            throw new Unjoinable("fMP4: a box of the segment after it is too short for what it says it holds");
        }
        Shown shown = shown(trafs, video.id());
        if (placed.run() != run) {
            if (shown == null) {
                throw new Unjoinable("fMP4: no video fragment with a tfdt to time it by");
            }
            long wanted = originTicks + (placed.startUs() - originUs) * video.timescale() / 1_000_000;
            shiftTicks = Math.max(wanted, lastTicks + frameTicks) - shown.first();
            run = placed.run();
        }
        byte[] joined = shiftTicks == 0 && runMovie == movie ? data : shifted(data, trafs);
        if (shown != null) {
            follow(new Shown(shown.first() + shiftTicks, shown.last() + shiftTicks, shown.frame()));
        }
        return joined;
    }

    /** Checks that fragments written under the init segment at {@code location} read the same under the window's. */
    private void sameTracks(String location) throws Unjoinable {
        Mp4Movie later = movie;
        if (!location.equals(initLocation)) {
            try {
                later = Mp4Movie.ofFile(inits.read(location));
            } catch (IOException e) {
                throw new Unjoinable("fMP4: the init segment after it cannot be read: " + e.getMessage());
            } catch (IndexOutOfBoundsException e) {
                throw new Unjoinable("fMP4: the init segment after it has a box too short for what it says it holds");
            }
            String difference = movie.differenceFrom(later);
            if (difference != null) {
                throw new Unjoinable("fMP4: the init segment after it " + difference);
            }
        }
        runInit = location;
        runMovie = later;
    }

    private void follow(Shown shown) {
        lastTicks = Math.max(lastTicks, shown.last());
        if (shown.frame() > 0 && (frameTicks == 0 || shown.frame() < frameTicks)) {
            frameTicks = shown.frame();
        }
    }

    /** The data with every tfdt and sidx moved by the shift; the data itself is not changed. */
    private byte[] shifted(byte[] data, List<TrackFragment> trafs) throws Unjoinable {
        byte[] out = data.clone();
        for (TrackFragment fragment : trafs) {
            Mp4Movie.Track track = movie.track(fragment.trackId())
                    .orElseThrow(() -> new Unjoinable("fMP4: it holds track " + fragment.trackId()
                            + ", which the init segment does not describe"));
            if (fragment.tfdtAt() < 0) {
                throw new Unjoinable("fMP4: a fragment of track " + track.id() + " has no tfdt to move");
            }
            long time = fragment.baseTime() + ticks(track.timescale(), track.id());
            write(out, fragment.tfdtAt() + 4, fragment.wideTfdt(), time, "tfdt of track " + track.id());
        }
        for (Boxes.Box sidx : Boxes.children(data, 0, data.length)) {
            int at = sidx.body();
            boolean wide = sidx.end() > at && data[at] != 0;
            if (sidx.is("sidx") && sidx.end() - at >= (wide ? 20 : 16)) {
                int track = (int) SegmentCheck.uint32(data, at + 4);
                long scale = SegmentCheck.uint32(data, at + 8);
                long earliest = wide
                        ? (SegmentCheck.uint32(data, at + 12) << 32) | SegmentCheck.uint32(data, at + 16)
                        : SegmentCheck.uint32(data, at + 12);
                write(out, at + 12, wide, earliest + ticks(scale, track), "sidx");
            }
        }
        return out;
    }

    /** What a track of the current run moves by in {@code timescale}, to the nearest tick. */
    private long ticks(long timescale, int track) throws Unjoinable {
        try {
            long scaled = Math.multiplyExact(shiftTicks, timescale);
            long edits = Math.multiplyExact(editCorrectionUs(track), timescale);
            return Math.floorDiv(scaled + video.timescale() / 2, video.timescale())
                    + Math.floorDiv(edits + 500_000, 1_000_000);
        } catch (ArithmeticException e) {
            throw new Unjoinable("fMP4: its times are too far from the window's to move");
        }
    }

    /**
     * How much more than the video a track moves: where the current run's init segment shows it beside the video,
     * less where the window's shows it. Encoders put a start offset or audio priming in edit lists.
     */
    private long editCorrectionUs(int id) {
        Optional<Mp4Movie.Track> mine = movie.track(id);
        Optional<Mp4Movie.Track> theirs = runMovie.track(id);
        Optional<Mp4Movie.Track> theirVideo = runMovie.track(video.id());
        if (mine.isEmpty() || theirs.isEmpty() || theirVideo.isEmpty()) {
            return 0;
        }
        return (theirs.get().editUs() - theirVideo.get().editUs()) - (mine.get().editUs() - video.editUs());
    }

    /** Writes a time of 64 bits, or of 32 when {@code wide} is false, refusing one that does not fit. */
    private static void write(byte[] data, int at, boolean wide, long time, String what) throws Unjoinable {
        if (time < 0 || (!wide && time > 0xFFFF_FFFFL)) {
            throw new Unjoinable("fMP4: the " + what + " cannot hold its time on the window's timeline"
                    + (wide ? "" : " in 32 bits"));
        }
        int bytes = wide ? 8 : 4;
        for (int i = 0; i < bytes; i++) {
            data[at + i] = (byte) (time >>> (8 * (bytes - 1 - i)));
        }
    }

    /** The track fragments of every moof of a segment. */
    private static List<TrackFragment> trafs(byte[] data, Mp4Movie movie) {
        List<TrackFragment> trafs = new ArrayList<>();
        for (Boxes.Box moof : Boxes.children(data, 0, data.length)) {
            if (moof.is("moof")) {
                for (Boxes.Box traf : Boxes.children(data, moof)) {
                    if (traf.is("traf")) {
                        trafs.add(TrackFragment.read(data, traf, movie));
                    }
                }
            }
        }
        return trafs;
    }

    /** Where the video samples are shown, or null when there are none or one of their fragments has no tfdt. */
    private static Shown shown(List<TrackFragment> trafs, int videoTrack) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long frame = 0;
        for (TrackFragment fragment : trafs) {
            if (fragment.trackId() != videoTrack || fragment.lastShown() < 0) {
                continue;
            }
            if (fragment.baseTime() < 0) {
                return null;
            }
            first = Math.min(first, fragment.baseTime() + fragment.firstShown());
            last = Math.max(last, fragment.baseTime() + fragment.lastShown());
            if (fragment.shortest() > 0 && (frame == 0 || fragment.shortest() < frame)) {
                frame = fragment.shortest();
            }
        }
        return first == Long.MAX_VALUE ? null : new Shown(first, last, frame);
    }
}
