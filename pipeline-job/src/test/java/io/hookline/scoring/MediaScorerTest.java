package io.hookline.scoring;

import static io.hookline.testing.Events.scored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hookline.model.ClipPlan;
import io.hookline.model.MediaSignals;
import io.hookline.model.Play;
import io.hookline.planning.ClipPlanner;
import io.hookline.profiles.MediaRules;
import io.hookline.profiles.ProfileLoader;
import io.hookline.testing.Rules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The media bonuses with the shipped numbers: crowd 0.03 per LU beyond 3 LU over the match's median, at most
 * 0.3; replay 0.1 for 2 cuts within 10 s after the peak; motion 0.05 per unit of ratio over the median, at most 0.1.
 */
class MediaScorerTest {
    private static final long PEAK_MS = 60_000;
    private static MediaScorer scorer;

    @BeforeAll
    static void loadShippedRules() throws Exception {
        MediaRules media = ProfileLoader.loadBundled().rules().media();
        assertThat(media).isEqualTo(new MediaRules(0.03, 3, 0.3, 0.1, 10_000, 2, 0.05, 0.1));
        scorer = new MediaScorer(media);
    }

    @ParameterizedTest(name = "peak {0} LUFS over a -28 LUFS match: +{1}")
    @CsvSource({
        // 8 LU over the median, 5 beyond the first 3.
        "-20,  0.15, SHOT 0.5 + crowd +0.15",
        "-23,  0.06, SHOT 0.5 + crowd +0.06",
        // Within 3 LU of the median is the crowd's usual noise.
        "-25,  0.0,  SHOT 0.5",
        "-40,  0.0,  SHOT 0.5",
        // 28 LU over would be 0.75: capped.
        "0,    0.3,  SHOT 0.5 + crowd +0.30",
    })
    void aCrowdLouderThanTheMatchsMedianAddsPerLoudnessUnitUpToTheCap(double peak, double bonus, String explanation) {
        // The baseline is the median of the plays' own median loudness: -30, -28 and -26 give -28.
        List<Play> scored = scorer.score(List.of(
                play("a", 10_000, audio(-24, -30)),
                play("b", 30_000, audio(-25, -26)),
                play("c", PEAK_MS, audio(peak, -28))));

        Play c = scored.get(2);
        assertThat(c.getScore()).isCloseTo(0.5 + bonus, within(1e-9));
        assertThat(c.getExplanation()).isEqualTo(explanation);
    }

    @Test
    void aLoudStadiumAndAQuietOneAreEachJudgedAgainstThemselves() {
        // The same roar, 8 LU over each match's own level, is worth the same in both.
        Play quiet = scorer.score(List.of(play("q1", 10_000, audio(-40, -40)), play("q2", PEAK_MS, audio(-32, -40))))
                .get(1);
        Play loud = scorer.score(List.of(play("l1", 10_000, audio(-20, -20)), play("l2", PEAK_MS, audio(-12, -20))))
                .get(1);

        assertThat(quiet.getScore()).isCloseTo(0.65, within(1e-9));
        assertThat(loud.getScore()).isCloseTo(0.65, within(1e-9));
    }

    @ParameterizedTest(name = "cuts {0}: replay {1}")
    @CsvSource({
        // Cuts in source ms; the peak is at 60000.
        "'61000,63000',        true",
        "'60000,70000',        true",
        "'61000',              false",
        // Before the peak, or later than 10 s after it: not a replay of this play.
        "'55000,58000,61000',  false",
        "'61000,70001',        false",
        "'',                   false",
    })
    void twoCutsWithinTenSecondsAfterThePeakAreAReplay(String cuts, boolean replay) {
        List<Long> cutsMs = new ArrayList<>();
        for (String c : cuts.split(",")) {
            if (!c.isBlank()) {
                cutsMs.add(Long.parseLong(c.trim()));
            }
        }
        MediaSignals media =
                MediaSignals.newBuilder(audio(-30, -30)).setCutsMs(cutsMs).build();

        Play scored = scorer.score(List.of(play("a", PEAK_MS, media))).get(0);

        assertThat(scored.getScore()).isCloseTo(replay ? 0.6 : 0.5, within(1e-9));
        assertThat(scored.getExplanation()).isEqualTo(replay ? "SHOT 0.5 + replay +0.10" : "SHOT 0.5");
    }

    @ParameterizedTest(name = "motion {0} over a median of {1}: +{2}")
    @CsvSource({
        "0.2,  0.1, 0.05, SHOT 0.5 + motion +0.05",
        "0.16, 0.1, 0.03, SHOT 0.5 + motion +0.03",
        // Five times the usual motion would be 0.2: capped.
        "0.5,  0.1, 0.1,  SHOT 0.5 + motion +0.10",
        "0.05, 0.1, 0.0,  SHOT 0.5",
        // A still picture has no usual motion to compare with.
        "0.3,  0.0, 0.0,  SHOT 0.5",
    })
    void moreMotionThanUsualAddsUpToTheCap(double motion, double median, double bonus, String explanation) {
        MediaSignals media = MediaSignals.newBuilder(audio(-30, -30))
                .setMotion(motion)
                .setMedianMotion(median)
                .build();

        Play scored = scorer.score(List.of(play("a", PEAK_MS, media))).get(0);

        assertThat(scored.getScore()).isCloseTo(0.5 + bonus, within(1e-9));
        assertThat(scored.getExplanation()).isEqualTo(explanation);
    }

    @Test
    void theBonusesAddUpAndAreEachNamed() {
        MediaSignals media = MediaSignals.newBuilder(audio(-20, -28))
                .setCutsMs(List.of(62_000L, 64_000L))
                .setMotion(0.2)
                .setMedianMotion(0.1)
                .build();

        Play scored = scorer.score(List.of(play("a", PEAK_MS, media))).get(0);

        assertThat(scored.getExplanation()).isEqualTo("SHOT 0.5 + crowd +0.15 + replay +0.10 + motion +0.05");
        assertThat(scored.getScore()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void withoutAudioThereIsNoCrowdBonusAndThePlanSaysSo() {
        // Its loudness figures are ignored, and it does not count towards the match's median either.
        MediaSignals silent =
                MediaSignals.newBuilder(audio(0, 10)).setHasAudio(false).build();
        List<Play> plays = List.of(
                play("a", 10_000, audio(-30, -30)), play("b", 30_000, audio(-28, -28)), play("c", PEAK_MS, silent));

        assertThat(MediaScorer.baseline(plays)).isEqualTo(-28.0);
        Play scored = scorer.score(plays).get(2);

        assertThat(scored.getScore()).isEqualTo(0.5);
        assertThat(scored.getExplanation()).isEqualTo("SHOT 0.5");
        assertThat(noteOf(scored)).containsExactly("no audio around this play: ranked on event signals only");
    }

    @Test
    void noPlayWithSoundMeansNoBaselineAndNoCrowdBonus() {
        MediaSignals silent =
                MediaSignals.newBuilder(audio(-10, -30)).setHasAudio(false).build();

        assertThat(MediaScorer.baseline(List.of(play("a", PEAK_MS, silent)))).isNull();
        assertThat(scorer.score(List.of(play("a", PEAK_MS, silent))).get(0).getScore())
                .isEqualTo(0.5);
    }

    @Test
    void aPlayWhoseVideoCouldNotBeMeasuredKeepsItsEventScoreAndThePlanSaysWhy() {
        Play failed = Play.newBuilder(play("a", PEAK_MS, null))
                .setMediaProblem("media analysis failed: cannot open match.mp4")
                .build();

        Play scored = scorer.score(List.of(failed, play("b", 30_000, audio(-10, -30))))
                .get(0);

        assertThat(scored).isEqualTo(failed);
        assertThat(noteOf(scored))
                .containsExactly("ranked on event signals only: media analysis failed: cannot open match.mp4");
    }

    @Test
    void aPlayWithSoundGetsNoMediaNote() {
        assertThat(noteOf(scorer.score(List.of(play("a", PEAK_MS, audio(-30, -30))))
                        .get(0)))
                .isEmpty();
    }

    /** The notes of the play's clip, as they go into the manifest. */
    private static List<String> noteOf(Play play) {
        List<ClipPlan> plan = new ClipPlanner(Rules.profiles("v1"), 600_000).plan("m1", List.of(play));
        assertThat(plan).hasSize(1);
        return plan.get(0).getNotes();
    }

    /** A one-shot play (SHOT 0.5) peaking at {@code peakMs}. */
    private static Play play(String id, long peakMs, MediaSignals media) {
        return Play.newBuilder(PlayGrouper.play(List.of(scored(id, "SHOT", peakMs, 0.5))))
                .setMedia(media)
                .build();
    }

    /** Sound with this peak and median loudness (LUFS); no cuts, no motion. */
    private static MediaSignals audio(double peak, double median) {
        return MediaSignals.newBuilder()
                .setHasAudio(true)
                .setPeakLoudness(peak)
                .setMedianLoudness(median)
                .setMotion(0)
                .setMedianMotion(0)
                .setTrackStartMs(0)
                .setTrackHz(10)
                .build();
    }
}
