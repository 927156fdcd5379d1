package io.hookline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.MatchEvent;
import io.hookline.sample.SampleMatch;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveScriptTest {

    @Test
    void staggeredCopiesAreNumberedFromTheSecond() {
        assertThat(LiveScript.ids(LiveScript.SAMPLE_ID, 3))
                .containsExactly("sample-match", "sample-match-2", "sample-match-3");
    }

    @Test
    void eachCopyHasItsOwnIdAndNamesItsOwnPlaylist() {
        LiveScript script = LiveScript.sample(Path.of("out", "sample-match"));
        Path playlist = Path.of("out", "live", "sample-match-2", "live.m3u8");

        MatchDescriptor descriptor = script.descriptor("sample-match-2", playlist);
        List<MatchEvent> events = script.events("sample-match-2");

        assertThat(descriptor.matchId()).isEqualTo("sample-match-2");
        assertThat(descriptor.video()).isEqualTo(playlist.toAbsolutePath().toString());
        assertThat(descriptor.homeTeam()).isEqualTo(SampleMatch.descriptor().homeTeam());
        assertThat(events)
                .hasSameSizeAs(SampleMatch.events())
                .allSatisfy(e -> assertThat(e.getMatchId()).isEqualTo("sample-match-2"))
                .isSortedAccordingTo((a, b) -> Long.compare(a.getVideoTimeMs(), b.getVideoTimeMs()));
        assertThat(events.get(events.size() - 1).getVideoTimeMs()).isLessThan(script.durationMs());
    }
}
