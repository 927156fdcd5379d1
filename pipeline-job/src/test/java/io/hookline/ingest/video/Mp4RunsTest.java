package io.hookline.ingest.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.testing.LiveHls;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mp4Runs on fragments FFmpeg's HLS muxer cut, and on hand-made ones for what FFmpeg never writes. */
class Mp4RunsTest {
    private static final long SEGMENT_US = LiveHls.SEGMENT_MS * 1000;
    /** 100 hours: video times of 4.6e9 ticks at 12800 Hz, more than 32 bits hold. */
    private static final long FAR_AHEAD_US = 360_000_000_000L;

    @TempDir
    static Path work;

    static LiveHls first;
    static LiveHls restarted;

    @BeforeAll
    static void cutSegments() throws Exception {
        first = LiveHls.cut(work, true);
        restarted = LiveHls.cut(LiveHls.source(work), work.resolve("restarted"), true, FAR_AHEAD_US);
    }

    @Test
    void aLaterRunHasEveryTfdtAndSidxMovedSoItFollowsOnAsTheFirstEncoderWould() throws Exception {
        assertThat(times(restarted.segment(3), "tfdt").get(1))
                .as("the later encoder's video starts 100 hours on, past 32 bits of 12800 Hz ticks")
                .isEqualTo(FAR_AHEAD_US * 12_800 / 1_000_000 + 3 * 25_600)
                .isGreaterThan(0xFFFF_FFFFL);
        Map<String, byte[]> inits = new HashMap<>(Map.of("init.mp4", first.init(), "later.mp4", restarted.init()));
        Mp4Runs runs = Mp4Runs.startingAt(placed(0, 0, "init.mp4"), first.segment(0), inits::get)
                .orElseThrow();
        for (int i = 1; i < 6; i++) {
            byte[] joined = i < 3
                    ? runs.join(placed(i, 0, "init.mp4"), first.segment(i))
                    : runs.join(placed(i, 1, "later.mp4"), restarted.segment(i));

            Map<Integer, Long> tfdt = times(joined, "tfdt");
            // Video at 12800 Hz, two seconds a segment. The first encoder delays its video 21 ms in its edit list
            // (for the audio's 1024 priming samples); the later one starts its audio 1024 samples before its video
            // instead: its audio moves 21 ms more than its video, to where the first encoder has it (within the
            // millisecond its edit list counts in).
            assertThat(tfdt.get(1)).as("video tfdt of segment %d", i).isEqualTo(i * 25_600L);
            long audio = times(first.segment(i), "tfdt").get(2);
            assertThat(tfdt.get(2)).as("audio tfdt of segment %d", i).isBetween(audio - 48, audio);
            assertThat(times(joined, "sidx")).as("sidx of segment %d", i).isEqualTo(tfdt);
        }
    }

    @Test
    void aVersion0TfdtIsRewrittenIn32BitsAndNotJoinedWhenItsTimeWouldNotFit() throws Exception {
        Map<String, byte[]> inits = Map.of("init.mp4", first.init());
        Mp4Runs runs = Mp4Runs.startingAt(placed(0, 0, "init.mp4"), first.segment(0), inits::get)
                .orElseThrow();

        byte[] joined = runs.join(placed(3, 1, "init.mp4"), narrowFragment(7_000));
        assertThat(times(joined, "tfdt")).containsEntry(1, 3 * 25_600L);

        SegmentTimeline.Placed farOn = new SegmentTimeline.Placed(
                new MediaPlaylist.Segment(9, "seg9.m4s", SEGMENT_US, "init.mp4", 2, null),
                "seg9.m4s",
                "init.mp4",
                FAR_AHEAD_US,
                9,
                2);
        assertThatThrownBy(() -> runs.join(farOn, narrowFragment(7_000)))
                .isInstanceOf(SegmentRuns.Unjoinable.class)
                .hasMessage("fMP4: the tfdt of track 1 cannot hold its time on the window's timeline in 32 bits");
    }

    @Test
    void aLaterInitSegmentWithOtherTracksIsNotJoined() throws Exception {
        byte[] audioOnly = first.init().clone();
        // Track 1 becomes a second sound track: its hdlr handler type is "vide" in the real init.
        int handler = indexOf(audioOnly, "vide");
        audioOnly[handler] = 's';
        audioOnly[handler + 1] = 'o';
        audioOnly[handler + 2] = 'u';
        audioOnly[handler + 3] = 'n';
        Map<String, byte[]> inits = Map.of("init.mp4", first.init(), "other.mp4", audioOnly);
        Mp4Runs runs = Mp4Runs.startingAt(placed(0, 0, "init.mp4"), first.segment(0), inits::get)
                .orElseThrow();

        assertThatThrownBy(() -> runs.join(placed(3, 1, "other.mp4"), restarted.segment(3)))
                .hasMessage("fMP4: the init segment after it describes other tracks");
    }

    private static SegmentTimeline.Placed placed(int index, long run, String init) {
        String uri = "seg" + index + ".m4s";
        return new SegmentTimeline.Placed(
                new MediaPlaylist.Segment(index, uri, SEGMENT_US, init, run, null),
                uri,
                init,
                index * SEGMENT_US,
                index,
                run);
    }

    /** The tfdt (or sidx earliest presentation time) of each track in a segment. */
    private static Map<Integer, Long> times(byte[] segment, String box) {
        Map<Integer, Long> times = new HashMap<>();
        for (Boxes.Box top : Boxes.children(segment, 0, segment.length)) {
            if (top.is("sidx") && box.equals("sidx")) {
                int at = top.body();
                times.put((int) SegmentCheck.uint32(segment, at + 4), time(segment, at + 12, segment[at] != 0));
            } else if (top.is("moof") && box.equals("tfdt")) {
                for (Boxes.Box traf : Boxes.children(segment, top)) {
                    int track = -1;
                    for (Boxes.Box child : Boxes.children(segment, traf)) {
                        int at = child.body();
                        if (child.is("tfhd")) {
                            track = (int) SegmentCheck.uint32(segment, at + 4);
                        } else if (child.is("tfdt")) {
                            times.put(track, time(segment, at + 4, segment[at] != 0));
                        }
                    }
                }
            }
        }
        return times;
    }

    private static long time(byte[] data, int at, boolean wide) {
        return wide
                ? (SegmentCheck.uint32(data, at) << 32) | SegmentCheck.uint32(data, at + 4)
                : SegmentCheck.uint32(data, at);
    }

    /**
     * A fragment as some packagers write it and FFmpeg does not: a version-0 (32-bit) tfdt, two seconds of video
     * at 12800 Hz from {@code tfdt}, with no sidx.
     */
    private static byte[] narrowFragment(long tfdt) {
        byte[] tfhd = box(
                "tfhd",
                ByteBuffer.allocate(12).putInt(0x02_0008).putInt(1).putInt(512).array());
        byte[] time =
                box("tfdt", ByteBuffer.allocate(8).putInt(0).putInt((int) tfdt).array());
        byte[] trun = box("trun", ByteBuffer.allocate(8).putInt(0).putInt(50).array());
        byte[] mfhd = box("mfhd", ByteBuffer.allocate(8).putInt(0).putInt(1).array());
        return concat(box("moof", concat(mfhd, box("traf", concat(tfhd, time, trun)))), box("mdat", new byte[4]));
    }

    private static byte[] box(String type, byte[] body) {
        return ByteBuffer.allocate(8 + body.length)
                .putInt(8 + body.length)
                .put(type.getBytes(StandardCharsets.US_ASCII))
                .put(body)
                .array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, String text) {
        byte[] wanted = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + wanted.length <= data.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (data[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(text + " is not in the data");
    }
}
