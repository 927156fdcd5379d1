package io.hookline.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

    private static final List<String> VIDEO_KEYS = List.of(
            "width",
            "height",
            "fps",
            "fit",
            "codec",
            "profile",
            "level",
            "gopSeconds",
            "preset",
            "crf",
            "maxBitrateKbps");
    private static final List<String> EVENT_TYPES =
            Arrays.stream(EventType.values()).map(Enum::name).toList();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            nullValues = "none",
            value = {
                "fsp, fps", // two letters swapped
                "widht, width",
                "hieght, height",
                "cfr, crf",
                "gopSecond, gopSeconds", // one letter missing
                "Preset, preset", // case only
                "prest, preset",
                "colour, none", // nothing close
                "bitrate, none", // too far from maxBitrateKbps to guess
            })
    void suggestsTheVideoKeyMeant(String typed, String expected) {
        assertThat(Suggestions.closest(typed, VIDEO_KEYS)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            nullValues = "none",
            value = {
                "GAOL, GOAL",
                "goal, GOAL",
                "THREE_POINTERS, THREE_POINTER",
                "FREETHROW, FREE_THROW",
                "HANDBALL, none",
            })
    void suggestsTheEventTypeMeant(String typed, String expected) {
        assertThat(Suggestions.closest(typed, EVENT_TYPES)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0} / {1} = {2}")
    @CsvSource({
        "fps, fps, 0",
        "fsp, fps, 1",
        "fps, fp, 1",
        "fps, fpsx, 1",
        "kitten, sitting, 3",
        "'', abc, 3",
    })
    void distanceCountsEdits(String a, String b, int expected) {
        assertThat(Suggestions.distance(a, b)).isEqualTo(expected);
    }
}
