package io.hookline.ingest.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MediaPlaylistTest {

    @Test
    void segmentsGetTheirDurationSequenceNumberAndTheTagsBeforeThem() throws Exception {
        MediaPlaylist playlist = MediaPlaylist.parse("live.m3u8", """
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:6
                #EXT-X-MEDIA-SEQUENCE:1021
                #EXT-X-MAP:URI="init.mp4"
                #EXT-X-PROGRAM-DATE-TIME:2026-12-06T19:20:35.643Z
                #EXTINF:5.967,
                a/1021.m4s
                #EXTINF:6.006,title
                https://cdn.example/1022.m4s
                #EXT-X-DISCONTINUITY
                #EXT-X-PROGRAM-DATE-TIME:2026-12-06T19:21:00.000+0100
                #EXTINF:2,
                1023.m4s
                """);

        assertThat(playlist.targetDurationMs()).isEqualTo(6000);
        assertThat(playlist.mediaSequence()).isEqualTo(1021);
        assertThat(playlist.ended()).isFalse();
        assertThat(playlist.segments())
                .containsExactly(
                        new MediaPlaylist.Segment(
                                1021,
                                "a/1021.m4s",
                                5_967_000,
                                "init.mp4",
                                0,
                                Instant.parse("2026-12-06T19:20:35.643Z")),
                        new MediaPlaylist.Segment(1022, "https://cdn.example/1022.m4s", 6_006_000, "init.mp4", 0, null),
                        new MediaPlaylist.Segment(
                                1023, "1023.m4s", 2_000_000, "init.mp4", 1, Instant.parse("2026-12-06T18:21:00Z")));
    }

    @Test
    void endListMarksTheEndAndTheDiscontinuitySequenceCarriesOn() throws Exception {
        MediaPlaylist playlist = MediaPlaylist.parse("vod.m3u8", """
                #EXTM3U
                #EXT-X-TARGETDURATION:2
                #EXT-X-DISCONTINUITY-SEQUENCE:4
                #EXTINF:2.000000,
                seg0.ts
                #EXT-X-DISCONTINUITY
                #EXTINF:1.500000,
                seg1.ts
                #EXT-X-ENDLIST
                """);

        assertThat(playlist.ended()).isTrue();
        assertThat(playlist.segments())
                .extracting(MediaPlaylist.Segment::discontinuity)
                .containsExactly(4L, 5L);
        assertThat(playlist.segments())
                .extracting(MediaPlaylist.Segment::initUri)
                .containsOnlyNulls();
    }

    @Test
    void aMalformedPlaylistIsNamedWithItsLine() {
        assertThatThrownBy(() -> MediaPlaylist.parse(
                        "s3://b/live.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:2\n" + "#EXTINF:two,\nseg0.ts\n"))
                .isInstanceOf(PlaylistException.class)
                .hasMessage("s3://b/live.m3u8 line 3: #EXTINF needs a duration in seconds, not 'two'");
        assertThatThrownBy(() -> MediaPlaylist.parse("live.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:2\nseg0.ts\n"))
                .hasMessage("live.m3u8 line 3: segment URI 'seg0.ts' has no #EXTINF before it");
        assertThatThrownBy(() -> MediaPlaylist.parse("live.m3u8", "<html>404</html>"))
                .hasMessage("live.m3u8 line 1: a playlist starts with #EXTM3U");
        assertThatThrownBy(() -> MediaPlaylist.parse(
                        "live.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:2\n" + "#EXT-X-KEY:METHOD=AES-128,URI=\"k\"\n"))
                .hasMessage("live.m3u8 line 3: encrypted segments (#EXT-X-KEY METHOD=AES-128) are not supported");
    }

    @Test
    void aMasterPlaylistIsRefusedNamingItsVariants() {
        assertThatThrownBy(() -> MediaPlaylist.parse("match.m3u8", """
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2"
                low/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=5000000,RESOLUTION=1920x1080
                hd/index.m3u8
                """))
                .isInstanceOf(PlaylistException.class)
                .hasMessage("match.m3u8 is a master playlist; give one of its media playlists:"
                        + " low/index.m3u8 [800000 bit/s, 640x360], hd/index.m3u8 [5000000 bit/s, 1920x1080]");
    }

    @Test
    void relativeAndAbsoluteUrisResolveAgainstThePlaylist() {
        assertThat(Resources.resolve("/data/live/match.m3u8", "seg1.ts")).isEqualTo("/data/live/seg1.ts");
        assertThat(Resources.resolve("/data/live/match.m3u8", "../seg1.ts")).isEqualTo("/data/seg1.ts");
        assertThat(Resources.resolve("/data/live/match.m3u8", "/other/seg1.ts")).isEqualTo("/other/seg1.ts");
        assertThat(Resources.resolve("http://127.0.0.1:8080/live/m.m3u8?token=1", "seg1.ts"))
                .isEqualTo("http://127.0.0.1:8080/live/seg1.ts");
        assertThat(Resources.resolve("s3://bucket/matches/m1/live.m3u8", "seg1.ts"))
                .isEqualTo("s3://bucket/matches/m1/seg1.ts");
        assertThat(Resources.resolve("s3://bucket/m1/live.m3u8", "https://cdn.example/seg1.ts"))
                .isEqualTo("https://cdn.example/seg1.ts");
    }
}
