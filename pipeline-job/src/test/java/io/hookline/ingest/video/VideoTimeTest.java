package io.hookline.ingest.video;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VideoTimeTest {

    @Test
    void timesReadAsMinutesAndSecondsOrHoursMinutesAndSeconds() {
        assertThat(VideoTime.format(0)).isEqualTo("0:00");
        assertThat(VideoTime.format(83_999)).isEqualTo("1:23");
        assertThat(VideoTime.format(5_010_000)).isEqualTo("1:23:30");
        assertThat(VideoTime.withTenths(34_050)).isEqualTo("0:34.0");
        assertThat(new VideoNotCoveredException(4_990_000, 5_020_000, "the video has ended"))
                .hasMessage("the video stops at 1:23:10; the play ends at 1:23:40 (the video has ended)");
    }

    @Test
    void segmentsThatCannotBeDemuxedAreTold() {
        byte[] ts = new byte[188 * 3];
        ts[0] = ts[188] = ts[376] = 0x47;
        assertThat(SegmentCheck.tsProblem(ts)).isNull();
        ts[188] = 0;
        assertThat(SegmentCheck.tsProblem(ts)).isEqualTo("is not MPEG-TS (no sync byte at byte 188)");
        assertThat(SegmentCheck.fragmentProblem(new byte[0])).isEqualTo("is empty");
        assertThat(SegmentCheck.fragmentProblem(new byte[] {0, 0, 0, 8, 'm', 'o', 'o', 'f'}))
                .isEqualTo("has no mdat box");
        assertThat(SegmentCheck.fragmentProblem(new byte[] {0, 0, 0, 9, 'm', 'o', 'o', 'f'}))
                .isEqualTo("is not fMP4 (box at byte 0 does not fit)");
    }
}
