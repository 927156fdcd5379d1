package io.hookline.ingest.video;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an MP4's moov says about its tracks (ISO/IEC 14496-12 8.3-8.8): enough to time its fragments, and to
 * tell whether fragments written under one init segment can be read under another.
 *
 * @param fragmented whether it holds an mvex, so its samples come in fragments
 */
record Mp4Movie(List<Track> tracks, boolean fragmented) {

    /**
     * One track.
     *
     * @param handler the hdlr type: vide, soun, ...
     * @param timescale the mdhd ticks per second its times count in
     * @param sampleDescriptions the stsd box, whole: codec, picture size, decoder configuration
     * @param fragmentDefaults the body of its trex, what a fragment leaves out; empty when there is none
     * @param editUs how much later its samples are shown than their times say, from its edit list: its leading
     *     empty edits, less where its first edit starts in the media (an encoder's start or priming delay)
     */
    record Track(
            int id, String handler, long timescale, byte[] sampleDescriptions, byte[] fragmentDefaults, long editUs) {
        boolean video() {
            return handler.equals("vide") && timescale > 0;
        }

        /** The default sample duration of its fragments (trex). */
        long defaultDuration() {
            return fragmentDefaults.length >= 12 ? SegmentCheck.uint32(fragmentDefaults, 8) : 0;
        }

        private String name() {
            return "track " + id + " (" + handler + ")";
        }
    }

    Mp4Movie {
        tracks = List.copyOf(tracks);
    }

    /** Reads the moov whose children lie in [from, to) of the data. */
    static Mp4Movie read(byte[] data, int from, int to) {
        List<Boxes.Box> traks = new ArrayList<>();
        Boxes.Box mvex = null;
        long movieScale = 0;
        for (Boxes.Box box : Boxes.children(data, from, to)) {
            if (box.is("trak")) {
                traks.add(box);
            } else if (box.is("mvex")) {
                mvex = box;
            } else if (box.is("mvhd")) {
                movieScale = SegmentCheck.uint32(data, box.body() + (data[box.body()] == 1 ? 20 : 12));
            }
        }
        List<Boxes.Box> defaults = mvex == null ? List.of() : Boxes.children(data, mvex);
        List<Track> tracks = new ArrayList<>();
        for (Boxes.Box trak : traks) {
            tracks.add(track(data, trak, movieScale, defaults));
        }
        return new Mp4Movie(tracks, mvex != null);
    }

    /** Reads the moov of an init segment (or any MP4 held whole). */
    static Mp4Movie ofFile(byte[] data) {
        for (Boxes.Box box : Boxes.children(data, 0, data.length)) {
            if (box.is("moov")) {
                return read(data, box.body(), box.end());
            }
        }
        return new Mp4Movie(List.of(), false);
    }

    /**
     * How fragments written under {@code later} would read otherwise under this movie, as the rest of a sentence
     * ("the init segment after it describes other tracks"), or null when they read the same: the same tracks
     * with the same handlers and timescales, byte-equal sample descriptions (so the decoders are set up the same)
     * and the same fragment defaults.
     */
    String differenceFrom(Mp4Movie later) {
        if (!tracks.stream()
                .map(Track::name)
                .toList()
                .equals(later.tracks.stream().map(Track::name).toList())) {
            return "describes other tracks";
        }
        for (int i = 0; i < tracks.size(); i++) {
            Track mine = tracks.get(i);
            Track theirs = later.tracks.get(i);
            if (mine.timescale() != theirs.timescale()) {
                return "times " + mine.name() + " in another timescale";
            }
            if (!Arrays.equals(mine.sampleDescriptions(), theirs.sampleDescriptions())) {
                return "gives " + mine.name() + " another sample description (codec, picture or decoder settings)";
            }
            if (!Arrays.equals(mine.fragmentDefaults(), theirs.fragmentDefaults())) {
                return "gives " + mine.name() + " other fragment defaults (trex)";
            }
        }
        return null;
    }

    /** The first video track. */
    Optional<Track> video() {
        return tracks.stream().filter(Track::video).findFirst();
    }

    Optional<Track> track(int id) {
        return tracks.stream().filter(t -> t.id() == id).findFirst();
    }

    private static Track track(byte[] moov, Boxes.Box trak, long movieScale, List<Boxes.Box> defaults) {
        int id = -1;
        long scale = 0;
        String handler = "";
        byte[] descriptions = new byte[0];
        Boxes.Box edits = null;
        for (Boxes.Box box : Boxes.children(moov, trak)) {
            if (box.is("edts")) {
                edits = box;
            } else if (box.is("tkhd")) {
                id = (int) SegmentCheck.uint32(moov, box.body() + (moov[box.body()] == 1 ? 20 : 12));
            } else if (box.is("mdia")) {
                for (Boxes.Box media : Boxes.children(moov, box)) {
                    if (media.is("mdhd")) {
                        scale = SegmentCheck.uint32(moov, media.body() + (moov[media.body()] == 1 ? 20 : 12));
                    } else if (media.is("hdlr")) {
                        handler = new String(moov, media.body() + 8, 4, StandardCharsets.US_ASCII);
                    } else if (media.is("minf")) {
                        descriptions = sampleDescriptions(moov, media);
                    }
                }
            }
        }
        byte[] fragmentDefaults = new byte[0];
        for (Boxes.Box trex : defaults) {
            if (trex.is("trex")
                    && trex.end() - trex.body() >= 8
                    && (int) SegmentCheck.uint32(moov, trex.body() + 4) == id) {
                fragmentDefaults = Arrays.copyOfRange(moov, trex.body(), trex.end());
            }
        }
        long editUs = edits == null || scale == 0 || movieScale == 0 ? 0 : editUs(moov, edits, movieScale, scale);
        return new Track(id, handler, scale, descriptions, fragmentDefaults, editUs);
    }

    /** The delay an edit list puts before the media: its leading empty edits, less where the media starts. */
    private static long editUs(byte[] moov, Boxes.Box edts, long movieScale, long trackScale) {
        for (Boxes.Box elst : Boxes.children(moov, edts)) {
            if (!elst.is("elst")) {
                continue;
            }
            boolean wide = moov[elst.body()] == 1;
            int entry = wide ? 20 : 12;
            long count = SegmentCheck.uint32(moov, elst.body() + 4);
            long emptyTicks = 0;
            for (long i = 0; i < count && elst.body() + 8 + (i + 1) * entry <= elst.end(); i++) {
                int at = elst.body() + 8 + (int) i * entry;
                long duration = wide ? long64(moov, at) : SegmentCheck.uint32(moov, at);
                long mediaTime = wide ? long64(moov, at + 8) : (int) SegmentCheck.uint32(moov, at + 4);
                if (mediaTime != -1) {
                    return micros(emptyTicks, movieScale) - micros(mediaTime, trackScale);
                }
                emptyTicks += duration;
            }
        }
        return 0;
    }

    /** Ticks as microseconds, without overflowing for the hours of an encoder's start offset. */
    private static long micros(long ticks, long scale) {
        return ticks / scale * 1_000_000 + ticks % scale * 1_000_000 / scale;
    }

    private static long long64(byte[] data, int at) {
        return (SegmentCheck.uint32(data, at) << 32) | SegmentCheck.uint32(data, at + 4);
    }

    private static byte[] sampleDescriptions(byte[] moov, Boxes.Box minf) {
        for (Boxes.Box stbl : Boxes.children(moov, minf)) {
            if (stbl.is("stbl")) {
                for (Boxes.Box box : Boxes.children(moov, stbl)) {
                    if (box.is("stsd")) {
                        return Arrays.copyOfRange(moov, box.start(), box.end());
                    }
                }
            }
        }
        return new byte[0];
    }
}
