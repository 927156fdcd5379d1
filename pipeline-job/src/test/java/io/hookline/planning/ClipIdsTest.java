package io.hookline.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClipIdsTest {
    private static final String BASE = ClipIds.of("m1", List.of("p-e1"), "default/play", "abc123");

    @Test
    void idIsTheStartOfASha256OverLengthPrefixedParts() {
        // sha256("2:m1" + "4:p-e1" + "12:default/play" + "6:abc123"), first 16 hex digits. Published clips
        // are stored under this id, so it must not change between builds.
        assertThat(BASE).isEqualTo("13a3089ca1300e55");
    }

    @Test
    void theSameInputsAlwaysGiveTheSameId() {
        assertThat(ClipIds.of("m1", List.of("p-e1"), "default/play", "abc123")).isEqualTo(BASE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void changingAnyPartChangesTheId(String change, String id) {
        assertThat(id).isNotEqualTo(BASE).matches("[0-9a-f]{16}");
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("match", ClipIds.of("m2", List.of("p-e1"), "default/play", "abc123")),
                Arguments.of("play", ClipIds.of("m1", List.of("p-e2"), "default/play", "abc123")),
                Arguments.of("another play", ClipIds.of("m1", List.of("p-e1", "p-e2"), "default/play", "abc123")),
                Arguments.of("rule", ClipIds.of("m1", List.of("p-e1"), "default/compilation", "abc123")),
                Arguments.of("profile version", ClipIds.of("m1", List.of("p-e1"), "default/play", "abc124")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameCharactersOtherwiseSplit")
    void partsCannotRunIntoEachOther(String where, String one, String other) {
        assertThat(one).isNotEqualTo(other);
    }

    static Stream<Arguments> sameCharactersOtherwiseSplit() {
        return Stream.of(
                Arguments.of(
                        "match and play",
                        ClipIds.of("ab", List.of("c"), "r", "v"),
                        ClipIds.of("a", List.of("bc"), "r", "v")),
                Arguments.of(
                        "two plays",
                        ClipIds.of("m", List.of("ab", "c"), "r", "v"),
                        ClipIds.of("m", List.of("a", "bc"), "r", "v")),
                Arguments.of(
                        "one play or two",
                        ClipIds.of("m", List.of("ab"), "r", "v"),
                        ClipIds.of("m", List.of("a", "b"), "r", "v")),
                Arguments.of(
                        "rule and version",
                        ClipIds.of("m", List.of("p"), "rule1", "v"),
                        ClipIds.of("m", List.of("p"), "rule", "1v")));
    }

    @Test
    void playOrderIsPartOfTheId() {
        // A compilation of the same plays in another order is another clip.
        assertThat(ClipIds.of("m", List.of("p1", "p2"), "r", "v"))
                .isNotEqualTo(ClipIds.of("m", List.of("p2", "p1"), "r", "v"));
    }
}
